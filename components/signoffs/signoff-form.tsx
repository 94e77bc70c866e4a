"use client";

import { useActionState, useState } from "react";
import { ChoiceGroup } from "@/components/ui/choice-group";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Button } from "@/components/ui/button";
import { SubmitButton } from "@/components/ui/submit-button";
import { idleState } from "@/lib/form";
import { recordSignoffAction } from "@/lib/signoffs/actions";
import type { SignConfirmation } from "@/lib/account/queries";
import { SsoConfirmation } from "@/components/signoffs/sso-confirmation";

type Props = {
  roleId: string;
  roleName: string;
  basisRevision: number;
  supersedesId: string | null;
  idempotencyKey: string;
  /** Why this user may reject but not approve (separation of duties), if so. */
  approveBlocker: string | null;
  isReconfirm: boolean;
  people: { value: string; label: string }[];
  confirmation: SignConfirmation;
};

const MAX_CONDITIONS = 10;

/** Sign for a role: a verdict, what was reviewed, conditions if any, and the signer's password again. */
export function SignoffForm({ roleId, roleName, basisRevision, supersedesId, idempotencyKey, approveBlocker, isReconfirm, people, confirmation }: Props) {
  const [state, formAction] = useActionState(recordSignoffAction, idleState);
  const [verdict, setVerdict] = useState(state.values?.verdict ?? (approveBlocker ? "REJECTED" : "APPROVED"));
  const [conditionRows, setConditionRows] = useState(1);
  const options = [{ value: "", label: "Choose an owner" }, ...people];
  return (
    <form action={formAction} className="space-y-3" aria-label={`Sign as ${roleName}`}>
      <FormMessage state={state} />
      <input type="hidden" name="requiredSignoffId" value={roleId} />
      <input type="hidden" name="basisRevision" value={basisRevision} />
      <input type="hidden" name="supersedesId" value={supersedesId ?? ""} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <ChoiceGroup
        legend="Your verdict"
        name="verdict"
        type="radio"
        state={state}
        initial={[verdict]}
        required
        onChange={setVerdict}
        hint={approveBlocker ?? undefined}
        choices={[
          { value: "APPROVED", label: "Approve", disabled: Boolean(approveBlocker) },
          { value: "CONDITIONAL", label: "Approve with conditions", description: "Each condition has an owner and a due date; an open condition past its date counts as a rejection.", disabled: Boolean(approveBlocker) },
          { value: "REJECTED", label: "Reject", description: "Say what must change." },
        ]}
      />
      {verdict === "CONDITIONAL" ? (
        <fieldset className="space-y-2 rounded-md border border-slate-200 p-3 dark:border-slate-700">
          <legend className="px-1 text-sm font-medium">Conditions</legend>
          {state.fieldErrors?.conditions?.map((error) => (
            <p key={error} role="alert" className="text-xs font-medium text-red-700 dark:text-red-400">{error}</p>
          ))}
          {Array.from({ length: conditionRows }, (_, index) => (
            <div key={index} className="grid gap-2 sm:grid-cols-[2fr_1fr_1fr]">
              <Field label={`Condition ${index + 1}`} name={`conditions.${index}.description`} state={state} maxLength={1000} />
              <Field label="Owner" name={`conditions.${index}.ownerId`} as="select" options={options} state={state} />
              <Field label="Due date" name={`conditions.${index}.dueDate`} type="date" state={state} />
            </div>
          ))}
          {conditionRows < MAX_CONDITIONS ? (
            <Button size="sm" onClick={() => setConditionRows((rows) => rows + 1)}>Add another condition</Button>
          ) : null}
        </fieldset>
      ) : null}
      <Field label="Comment" name="comment" as="textarea" state={state} maxLength={5000} required={verdict === "REJECTED"} />
      <Field label="Evidence you reviewed" name="evidenceReviewed" as="textarea" state={state} maxLength={5000} hint="Links or names of the reports you looked at." />
      {confirmation.method === "password" ? (
        <Field label="Your password" name="password" type="password" state={state} required autoComplete="current-password" hint="Signing is a record in your name: confirm it is you." />
      ) : (
        <SsoConfirmation provider={confirmation.provider} freshUntil={confirmation.freshUntil} error={state.fieldErrors?.password?.[0]} />
      )}
      <SubmitButton pendingLabel="Signing…">{isReconfirm ? `Re-confirm as ${roleName}` : `Sign as ${roleName}`}</SubmitButton>
    </form>
  );
}
