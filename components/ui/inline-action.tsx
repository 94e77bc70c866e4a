"use client";

import { useFormActionState } from "@/components/hooks/use-form-action-state";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ButtonVariant } from "@/components/ui/button";
import type { FormState } from "@/lib/form";

type Props = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  fields: Record<string, string | number>;
  label: React.ReactNode;
  accessibleLabel?: string;
  variant?: ButtonVariant;
  confirm?: string;
  /** Where a post without JavaScript comes back to (useFormActionState). */
  anchor?: string;
};

/** A one-button form (move, delete, archive…) that reports a refusal next to the button. */
export function InlineAction({ action, fields, label, accessibleLabel, variant = "secondary", confirm, anchor }: Props) {
  const [state, formAction] = useFormActionState(action, anchor);
  return (
    <form
      action={formAction}
      className="inline-flex flex-col items-start"
      onSubmit={(event) => {
        if (confirm && !window.confirm(confirm)) event.preventDefault();
      }}
    >
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <SubmitButton variant={variant} size="sm" aria-label={accessibleLabel}>
        {label}
      </SubmitButton>
      <InlineError state={state} />
    </form>
  );
}

/** A refusal reported next to the one-button form that caused it. */
export function InlineError({ state }: { state: FormState }) {
  return state.status === "error" ? (
    <p role="alert" className="mt-1 max-w-xs text-xs font-medium text-red-700 dark:text-red-400">
      {state.message}
    </p>
  ) : null;
}
