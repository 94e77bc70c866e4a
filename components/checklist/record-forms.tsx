"use client";

import { useActionState, useEffect, useRef } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { addEvidenceAction, addNoteAction } from "@/lib/checklist/actions";
import { idleState, type FormState } from "@/lib/form";

function useResettingForm(action: (state: FormState, formData: FormData) => Promise<FormState>) {
  const [state, formAction] = useActionState(action, idleState);
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.status === "success") ref.current?.reset();
  }, [state]);
  return { state, shown: state.status === "success" ? idleState : state, formAction, ref };
}

export function EvidenceForm({ itemId }: { itemId: string }) {
  const { state, shown, formAction, ref } = useResettingForm(addEvidenceAction);
  return (
    <form ref={ref} action={formAction} className="space-y-3">
      <FormMessage state={state} />
      <input type="hidden" name="itemId" value={itemId} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Link" name="url" type="url" state={shown} required hint="https://… a build, report or ticket" />
        <Field label="Label" name="label" state={shown} maxLength={200} />
      </div>
      <SubmitButton variant="secondary" pendingLabel="Adding…">Add evidence</SubmitButton>
    </form>
  );
}

export function NoteForm({ itemId }: { itemId: string }) {
  const { state, shown, formAction, ref } = useResettingForm(addNoteAction);
  return (
    <form ref={ref} action={formAction} className="space-y-3">
      <FormMessage state={state} />
      <input type="hidden" name="itemId" value={itemId} />
      <Field label="Note" name="body" as="textarea" state={shown} required maxLength={5000} />
      <SubmitButton variant="secondary" pendingLabel="Adding…">Add note</SubmitButton>
    </form>
  );
}
