"use client";

import { useActionState, useId } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { idleState } from "@/lib/form";
import { updateTemplateAction } from "@/lib/templates/actions";

const labels = { name: "Template name", description: "Description", plan: "Plan" };

/** An admin's edit of a template: its plan is written in Markdown and read by the importer. */
export function TemplateForm({ id, version, name, description, plan }: { id: string; version: number; name: string; description: string; plan: string }) {
  const [state, formAction] = useActionState(updateTemplateAction, idleState);
  const planId = useId();
  const planErrors = state.fieldErrors?.plan;
  const currentVersion = state.current?.version ?? String(version);
  return (
    <form action={formAction} className="space-y-4" aria-label="Edit the template">
      <FormMessage state={state} labels={labels} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={state.status === "success" ? String(version) : currentVersion} />
      <Field label="Template name" name="name" state={state} initial={name} required maxLength={120} />
      <Field label="Description" name="description" as="textarea" state={state} initial={description} maxLength={2000} />
      <div>
        <label htmlFor={planId} className="field-label">
          Plan <span aria-hidden="true" className="text-red-700">*</span>
        </label>
        <textarea
          id={planId}
          name="plan"
          required
          rows={20}
          key={state.values?.plan ?? plan}
          defaultValue={state.values?.plan ?? plan}
          aria-invalid={planErrors ? true : undefined}
          aria-describedby={`${planId}-hint${planErrors ? ` ${planId}-error` : ""}`}
          className="field-control font-mono text-xs dark:bg-slate-950"
        />
        <p id={`${planId}-hint`} className="mt-1 text-xs text-slate-600 dark:text-slate-400">
          Markdown, read like an import: “##” headings are phases, “- [ ]” lines are items with (blocking), (recommended) or (optional) and “— Owner:”, indented ones are sub-items, and the Sign-offs table lists the required roles. Items keep their due dates when their phase and title stay the same.
        </p>
        {planErrors ? <p id={`${planId}-error`} className="mt-1 text-sm text-red-700 dark:text-red-400">{planErrors.join(" ")}</p> : null}
      </div>
      <SubmitButton pendingLabel="Saving…">Save template</SubmitButton>
    </form>
  );
}
