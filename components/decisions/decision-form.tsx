"use client";

import { useActionState, useState } from "react";
import { ChoiceGroup } from "@/components/ui/choice-group";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { recordDecisionAction } from "@/lib/decisions/actions";
import { idleState } from "@/lib/form";

type Props = {
  releaseId: string;
  previousDecisionId: string | null;
  idempotencyKey: string;
  isReady: boolean;
  failing: string[];
};

/** Record GO or NO-GO. NO-GO asks for reasons, a plan and a new date; GO on failing criteria asks why. */
export function DecisionForm({ releaseId, previousDecisionId, idempotencyKey, isReady, failing }: Props) {
  const [state, formAction] = useActionState(recordDecisionAction, idleState);
  const [outcome, setOutcome] = useState(state.values?.outcome ?? (isReady ? "GO" : "NO_GO"));
  return (
    <form action={formAction} className="space-y-4" aria-label="Record a go/no-go decision">
      <FormMessage state={state} />
      <input type="hidden" name="releaseId" value={releaseId} />
      <input type="hidden" name="previousDecisionId" value={previousDecisionId ?? ""} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <ChoiceGroup
        legend="Decision"
        name="outcome"
        type="radio"
        state={state}
        initial={[outcome]}
        onChange={setOutcome}
        required
        choices={[
          { value: "GO", label: "GO", description: isReady ? "Every criterion is met." : "Criteria are failing: this GO will be recorded as an override." },
          { value: "NO_GO", label: "NO-GO", description: "Needs the blocking reasons, a remediation plan and a new target date." },
        ]}
      />
      <Field label="Rationale" name="rationale" as="textarea" state={state} required maxLength={5000} hint="What the meeting decided and why, in a few sentences." />
      {outcome === "NO_GO" ? (
        <>
          <Field label="Blocking reasons" name="blockingReasons" as="textarea" state={state} required maxLength={5000} />
          <Field label="Remediation plan" name="remediationPlan" as="textarea" state={state} required maxLength={5000} />
          <Field label="New target date" name="newTargetDate" type="date" state={state} required hint="It becomes the release's target date; the slip is kept in its history." />
        </>
      ) : !isReady ? (
        <div className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 dark:border-amber-800 dark:bg-amber-950">
          <p className="text-sm font-medium">Not met: {failing.join("; ")}.</p>
          <Field label="Override reason" name="overrideReason" as="textarea" state={state} required maxLength={5000} hint="A GO now is an override and is marked as one everywhere it appears." />
        </div>
      ) : null}
      <SubmitButton pendingLabel="Recording…">{outcome === "NO_GO" ? "Record NO-GO" : isReady ? "Record GO" : "Record GO as an override"}</SubmitButton>
    </form>
  );
}
