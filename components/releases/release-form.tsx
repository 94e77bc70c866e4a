"use client";

import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { idleState, type FormState } from "@/lib/form";

type Option = { value: string; label: string };

export type ReleaseFormInitial = {
  id?: string;
  version?: number;
  name?: string;
  versionName?: string;
  description?: string;
  targetDate?: string;
  status?: string;
  ownerId?: string;
};

type Props = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  initial?: ReleaseFormInitial;
  statusOptions?: Option[];
  ownerOptions?: Option[];
  /** For a new release: the templates it can start from (the first option is a blank release). */
  templateOptions?: Option[];
  initialTemplateId?: string;
  submitLabel: string;
};

const labels = { templateId: "Start from", name: "Name", versionName: "Version", targetDate: "Target date", status: "Status", description: "Description" };

export function ReleaseForm({ action, initial = {}, statusOptions, ownerOptions, templateOptions, initialTemplateId, submitLabel }: Props) {
  const [state, formAction] = useActionState(action, idleState);
  const isEdit = Boolean(initial.id);
  const version = state.current?.version ?? state.values?.version ?? String(initial.version ?? "");
  return (
    <form action={formAction} className="space-y-4">
      <FormMessage state={state} labels={labels} />
      {isEdit ? (
        <>
          <input type="hidden" name="id" value={initial.id} />
          <input type="hidden" name="version" value={version} />
        </>
      ) : null}
      {!isEdit && templateOptions ? (
        <Field
          label="Start from"
          name="templateId"
          as="select"
          options={templateOptions}
          state={state}
          initial={initialTemplateId ?? ""}
          hint="A template brings its phases, items and sign-off roles; due dates are placed relative to the target date."
        />
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Name" name="name" state={state} initial={initial.name} required maxLength={120} />
        <Field label="Version" name="versionName" state={state} initial={initial.versionName} required maxLength={40} hint="For example v9.4.0" />
        <Field label="Target date" name="targetDate" type="date" state={state} initial={initial.targetDate} required />
        {isEdit && statusOptions ? <Field label="Status" name="status" as="select" options={statusOptions} state={state} initial={initial.status} /> : null}
        {isEdit && ownerOptions ? <Field label="Owner" name="ownerId" as="select" options={ownerOptions} state={state} initial={initial.ownerId} /> : null}
      </div>
      {isEdit ? (
        <Field
          label="Reason for a new target date"
          name="targetDateReason"
          state={state}
          maxLength={1000}
          hint="Needed only when the target date changes; it is kept in the release's slip history."
        />
      ) : null}
      <Field label="Description" name="description" as="textarea" state={state} initial={initial.description} maxLength={5000} />
      <SubmitButton pendingLabel="Saving…">{submitLabel}</SubmitButton>
    </form>
  );
}
