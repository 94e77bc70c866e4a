"use client";

import { useActionState } from "react";
import { ChoiceGroup } from "@/components/ui/choice-group";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { idleState, type FormState } from "@/lib/form";

type Props = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  hidden: Record<string, string | number>;
  people: { value: string; label: string }[];
  initial?: { roleName: string; evidenceToReview: string; requiredApprovals: number; assigneeIds: string[] };
  submitLabel: string;
};

/** Add or edit a required sign-off role: who must sign, how many of them, and what they review. */
export function RoleForm({ action, hidden, people, initial, submitLabel }: Props) {
  const [state, formAction] = useActionState(action, idleState);
  return (
    <form action={formAction} className="space-y-3">
      <FormMessage state={state} labels={{ roleName: "Role", evidenceToReview: "Evidence to review", requiredApprovals: "Approvals needed" }} />
      {Object.entries(hidden).map(([name, value]) => <input key={name} type="hidden" name={name} value={state.current?.[name] ?? value} />)}
      <Field label="Role" name="roleName" state={state} initial={initial?.roleName} required maxLength={80} hint="For example Security Officer or QA Lead." />
      <Field
        label="Evidence to review"
        name="evidenceToReview"
        as="textarea"
        state={state}
        initial={initial?.evidenceToReview}
        maxLength={5000}
        hint={initial ? "Changing the role's name or this text resets the sign-offs already given for it." : undefined}
      />
      <Field label="Approvals needed" name="requiredApprovals" type="number" state={state} initial={String(initial?.requiredApprovals ?? 1)} required />
      <ChoiceGroup legend="Who may sign" name="assigneeIds" type="checkbox" state={state} initial={initial?.assigneeIds} choices={people} required />
      <SubmitButton pendingLabel="Saving…">{submitLabel}</SubmitButton>
    </form>
  );
}
