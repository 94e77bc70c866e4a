"use client";

import clsx from "clsx";
import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { idleState, type FormState } from "@/lib/form";

export type FieldSpec = {
  name: string;
  label: string;
  as?: "input" | "textarea" | "select";
  type?: "text" | "date" | "number" | "url" | "datetime-local";
  options?: { value: string; label: string }[];
  initial?: string | null;
  required?: boolean;
  hint?: string;
  maxLength?: number;
  /** Spans the whole row of a multi-column form. */
  isWide?: boolean;
};

type Props = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  hidden?: Record<string, string | number>;
  fields: FieldSpec[];
  submitLabel: string;
  columns?: 1 | 2 | 3;
  ariaLabel?: string;
};

/**
 * A form described by its fields: the plan's many small forms (a risk, a milestone, an
 * incident…) share one way to render, keep what was typed, and show errors and stale edits.
 */
export function SimpleForm({ action, hidden = {}, fields, submitLabel, columns = 2, ariaLabel }: Props) {
  const [state, formAction] = useActionState(action, idleState);
  const labels = Object.fromEntries(fields.map((field) => [field.name, field.label]));
  return (
    <form action={formAction} className="space-y-3" aria-label={ariaLabel}>
      <FormMessage state={state} labels={labels} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={state.current?.[name] ?? value} />
      ))}
      <div className={clsx("grid gap-3", columns === 2 && "sm:grid-cols-2", columns === 3 && "sm:grid-cols-3")}>
        {fields.map((field) => (
          <Field
            key={field.name}
            name={field.name}
            label={field.label}
            as={field.as}
            type={field.type}
            options={field.options}
            initial={field.initial}
            required={field.required}
            hint={field.hint}
            maxLength={field.maxLength}
            state={state}
            className={clsx(field.isWide && "sm:col-span-full")}
          />
        ))}
      </div>
      <SubmitButton pendingLabel="Saving…">{submitLabel}</SubmitButton>
    </form>
  );
}
