"use client";

import { useActionState, useId } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { PlanPreview } from "@/components/templates/plan-preview";
import { idleState } from "@/lib/form";
import { importReleaseAction, previewImportAction, type PreviewState } from "@/lib/templates/actions";

// Import in two steps (F4): the document (pasted or uploaded) is previewed first; nothing is
// saved until the release fields are filled in and the import is confirmed. The confirmation
// sends the previewed text back with its hash, and the server reads it again.

const labels = { source: "Markdown", name: "Name", versionName: "Version", targetDate: "Target date", description: "Description" };

export function ImportForm({ defaultTargetDate }: { defaultTargetDate: string }) {
  const [previewState, previewAction] = useActionState<PreviewState, FormData>(previewImportAction, idleState);
  const [importState, importAction] = useActionState(importReleaseAction, idleState);
  const sourceId = useId();
  const fileId = useId();
  const preview = previewState.status === "success" ? previewState.preview : undefined;
  const sourceErrors = previewState.fieldErrors?.source;
  return (
    <div className="space-y-6">
      <form action={previewAction} className="space-y-4 rounded-lg border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900" aria-label="Document to import">
        {previewState.status === "error" ? <FormMessage state={previewState} labels={labels} /> : null}
        <div>
          <label htmlFor={fileId} className="field-label">Upload a Markdown file</label>
          <input
            id={fileId}
            name="file"
            type="file"
            accept=".md,.markdown,.txt,text/markdown,text/plain"
            className="mt-1 block text-sm file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-sm dark:file:border-slate-700 dark:file:bg-slate-800 dark:file:text-slate-100"
          />
        </div>
        <div>
          <label htmlFor={sourceId} className="field-label">…or paste it here</label>
          <textarea
            id={sourceId}
            name="source"
            rows={12}
            key={previewState.values?.source ?? ""}
            defaultValue={previewState.values?.source ?? ""}
            aria-invalid={sourceErrors ? true : undefined}
            aria-describedby={`${sourceId}-hint${sourceErrors ? ` ${sourceId}-error` : ""}`}
            className="field-control font-mono text-xs dark:bg-slate-950"
          />
          <p id={`${sourceId}-hint`} className="mt-1 text-xs text-slate-600 dark:text-slate-400">
            Headings become phases; task lists, checks tables and Priority/Owner lines become items; sign-off tables and approval lists become required roles. Up to 1 MB and 5,000 items. A file, if chosen, is used instead of the text.
          </p>
          {sourceErrors ? <p id={`${sourceId}-error`} className="mt-1 text-sm text-red-700 dark:text-red-400">{sourceErrors.join(" ")}</p> : null}
        </div>
        <SubmitButton pendingLabel="Reading…" variant={preview ? "secondary" : "primary"}>Preview</SubmitButton>
      </form>

      {preview && previewState.source !== undefined && previewState.previewHash ? (
        <>
          <section aria-labelledby="preview-heading" className="space-y-3">
            <h2 id="preview-heading" className="text-lg font-semibold">
              Preview{previewState.fileName ? ` of ${previewState.fileName}` : ""}
            </h2>
            <p className="text-sm text-slate-600 dark:text-slate-400">Nothing has been saved yet. This is what the import would create.</p>
            <PlanPreview phases={preview.phases} signoffRoles={preview.signoffRoles} warnings={preview.warnings} />
          </section>
          <form action={importAction} className="space-y-4 rounded-lg border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900" aria-labelledby="confirm-heading">
            <h2 id="confirm-heading" className="text-lg font-semibold">Create the release</h2>
            <FormMessage state={importState} labels={labels} />
            <input type="hidden" name="source" value={previewState.source} />
            <input type="hidden" name="previewHash" value={previewState.previewHash} />
            <input type="hidden" name="fileName" value={previewState.fileName ?? ""} />
            <div className="grid gap-4 sm:grid-cols-2">
              <Field label="Name" name="name" state={importState} initial={preview.title?.slice(0, 120) ?? ""} required maxLength={120} />
              <Field label="Version" name="versionName" state={importState} required maxLength={40} hint="For example v9.4.0" />
              <Field label="Target date" name="targetDate" type="date" state={importState} initial={defaultTargetDate} required />
            </div>
            <Field label="Description" name="description" as="textarea" state={importState} maxLength={5000} />
            <SubmitButton pendingLabel="Importing…">
              Import {preview.counts.items} {preview.counts.items === 1 ? "item" : "items"}
            </SubmitButton>
          </form>
        </>
      ) : null}
    </div>
  );
}
