"use client";

import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { confirmTwoStepAction, disableTwoStepAction, startTwoStepSetupAction } from "@/lib/account/actions";
import { idleState } from "@/lib/form";

export function StartTwoStepForm({ label }: { label: string }) {
  const [state, formAction] = useActionState(startTwoStepSetupAction, idleState);
  return (
    <form action={formAction} className="space-y-3">
      <FormMessage state={state} />
      <SubmitButton variant="secondary" pendingLabel="Preparing…">{label}</SubmitButton>
    </form>
  );
}

export function ConfirmTwoStepForm() {
  const [state, formAction] = useActionState(confirmTwoStepAction, idleState);
  return (
    <form action={formAction} className="space-y-3">
      <FormMessage state={state} />
      <Field label="Code from the app" name="code" state={state} required maxLength={7} autoComplete="one-time-code" hint="Six digits; a new one every 30 seconds." />
      <SubmitButton pendingLabel="Checking…">Turn on two-step sign-in</SubmitButton>
    </form>
  );
}

export function DisableTwoStepForm() {
  const [state, formAction] = useActionState(disableTwoStepAction, idleState);
  return (
    <form action={formAction} className="space-y-3">
      <FormMessage state={state} />
      <Field label="Current code" name="code" state={state} required maxLength={7} autoComplete="one-time-code" hint="To turn it off, enter a code from your authenticator app." />
      <SubmitButton variant="danger" pendingLabel="Turning off…">Turn off two-step sign-in</SubmitButton>
    </form>
  );
}
