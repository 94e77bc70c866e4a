"use client";

import { useEffect, useRef } from "react";
import { useFormActionState } from "@/components/hooks/use-form-action-state";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { idleState, type FormState } from "@/lib/form";

type Props = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  hidden: Record<string, string | number>;
  initial?: { name?: string; description?: string };
  submitLabel: string;
  /** Where a post without JavaScript comes back to (useFormActionState). */
  anchor?: string;
};

export function PhaseForm({ action, hidden, initial = {}, submitLabel, anchor }: Props) {
  const [state, formAction] = useFormActionState(action, anchor);
  const formRef = useRef<HTMLFormElement>(null);
  const isCreate = hidden.version === undefined;
  useEffect(() => {
    if (state.status === "success" && isCreate) formRef.current?.reset();
  }, [state, isCreate]);
  const version = state.current?.version ?? (isCreate ? undefined : String(hidden.version));
  const shown: FormState = state.status === "success" && isCreate ? idleState : state;
  return (
    <form ref={formRef} action={formAction} className="space-y-3">
      <FormMessage state={state} labels={{ name: "Name", description: "Description" }} />
      {Object.entries({ ...hidden, ...(version ? { version } : {}) }).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Field label="Phase name" name="name" state={shown} initial={initial.name} required maxLength={120} />
      <Field label="Description" name="description" as="textarea" state={shown} initial={initial.description} maxLength={2000} />
      <SubmitButton pendingLabel="Saving…">{submitLabel}</SubmitButton>
    </form>
  );
}
