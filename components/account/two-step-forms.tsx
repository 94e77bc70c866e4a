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

type CodeFormProps = {
  action: typeof confirmTwoStepAction;
  label: string;
  hint: string;
  submitLabel: string;
  pendingLabel: string;
  variant?: "primary" | "danger";
};

/** A form that asks for the current code from the authenticator app. */
function CodeForm({ action, label, hint, submitLabel, pendingLabel, variant }: CodeFormProps) {
  const [state, formAction] = useActionState(action, idleState);
  return (
    <form action={formAction} className="space-y-3">
      <FormMessage state={state} />
      <Field label={label} name="code" state={state} required maxLength={7} autoComplete="one-time-code" hint={hint} />
      <SubmitButton variant={variant} pendingLabel={pendingLabel}>{submitLabel}</SubmitButton>
    </form>
  );
}

export function ConfirmTwoStepForm() {
  return <CodeForm action={confirmTwoStepAction} label="Code from the app" hint="Six digits; a new one every 30 seconds." submitLabel="Turn on two-step sign-in" pendingLabel="Checking…" />;
}

export function DisableTwoStepForm() {
  return (
    <CodeForm
      action={disableTwoStepAction}
      label="Current code"
      hint="To turn it off, enter a code from your authenticator app."
      submitLabel="Turn off two-step sign-in"
      pendingLabel="Turning off…"
      variant="danger"
    />
  );
}
