"use client";

import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { idleState } from "@/lib/form";
import { saveRollbackPlanAction } from "@/lib/plans/actions";

type Trigger = { metric: string; comparison: string; threshold: number; unit: string; durationMinutes: number | null };
type Step = { description: string; ownerRole: string; minutes: number };
type Plan = {
  version: number;
  targetMinutes: number | null;
  decider: string;
  latestDecisionMinutes: number | null;
  lastRehearsedAt: string;
  triggers: Trigger[];
  steps: Step[];
};

const comparisonOptions = [
  { value: ">", label: "above (>)" },
  { value: ">=", label: "at or above (≥)" },
  { value: "<", label: "below (<)" },
  { value: "<=", label: "at or below (≤)" },
  { value: "=", label: "equal to (=)" },
];

const text = (value: number | null | undefined) => (value === null || value === undefined ? "" : String(value));

/** The whole rollback plan in one form: its triggers and ordered steps are rows to fill in. */
export function RollbackPlanForm({ releaseId, plan }: { releaseId: string; plan: Plan | null }) {
  const [state, formAction] = useActionState(saveRollbackPlanAction, idleState);
  const [triggerRows, setTriggerRows] = useState(Math.max(1, plan?.triggers.length ?? 0));
  const [stepRows, setStepRows] = useState(Math.max(2, plan?.steps.length ?? 0));
  const rowErrors = (prefix: string) =>
    Object.entries(state.fieldErrors ?? {}).filter(([key]) => key === prefix).flatMap(([, errors]) => errors);
  return (
    <form action={formAction} className="space-y-5" aria-label="Rollback plan">
      <FormMessage state={state} />
      <input type="hidden" name="releaseId" value={releaseId} />
      <input type="hidden" name="version" value={plan?.version ?? 0} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Target rollback time (minutes)" name="targetMinutes" type="number" state={state} initial={text(plan?.targetMinutes)} hint="The steps below are compared with it." />
        <Field label="Who decides to roll back" name="decider" state={state} initial={plan?.decider} maxLength={120} />
        <Field label="Latest decision time (minutes after the deployment starts)" name="latestDecisionMinutes" type="number" state={state} initial={text(plan?.latestDecisionMinutes)} />
        <Field label="Last rehearsal" name="lastRehearsedAt" type="date" state={state} initial={plan?.lastRehearsedAt} hint="A rehearsal counts for 30 days." />
      </div>
      <fieldset className="space-y-2">
        <legend className="text-sm font-semibold">Triggers</legend>
        {rowErrors("triggers").map((error) => <p key={error} role="alert" className="text-xs text-red-700 dark:text-red-400">{error}</p>)}
        {Array.from({ length: triggerRows }, (_, index) => {
          const trigger = plan?.triggers[index];
          return (
            <div key={index} className="grid gap-2 rounded-md border border-slate-200 p-2 sm:grid-cols-[2fr_1fr_1fr_1fr_1fr] dark:border-slate-700">
              <Field label={`Metric ${index + 1}`} name={`triggers.${index}.metric`} state={state} initial={trigger?.metric} maxLength={120} />
              <Field label="Comparison" name={`triggers.${index}.comparison`} as="select" options={comparisonOptions} state={state} initial={trigger?.comparison ?? ">"} />
              <Field label="Threshold" name={`triggers.${index}.threshold`} state={state} initial={text(trigger?.threshold)} />
              <Field label="Unit" name={`triggers.${index}.unit`} state={state} initial={trigger?.unit} maxLength={20} hint="%, ms, errors/min…" />
              <Field label="For (minutes)" name={`triggers.${index}.durationMinutes`} type="number" state={state} initial={text(trigger?.durationMinutes)} />
            </div>
          );
        })}
        <Button size="sm" onClick={() => setTriggerRows((rows) => rows + 1)}>Add a trigger</Button>
      </fieldset>
      <fieldset className="space-y-2">
        <legend className="text-sm font-semibold">Steps, in order</legend>
        {rowErrors("steps").map((error) => <p key={error} role="alert" className="text-xs text-red-700 dark:text-red-400">{error}</p>)}
        {Array.from({ length: stepRows }, (_, index) => {
          const step = plan?.steps[index];
          return (
            <div key={index} className="grid gap-2 sm:grid-cols-[3fr_1fr_1fr]">
              <Field label={`Step ${index + 1}`} name={`steps.${index}.description`} state={state} initial={step?.description} maxLength={500} />
              <Field label="Owner role" name={`steps.${index}.ownerRole`} state={state} initial={step?.ownerRole} maxLength={80} />
              <Field label="Minutes" name={`steps.${index}.minutes`} type="number" state={state} initial={text(step?.minutes)} />
            </div>
          );
        })}
        <Button size="sm" onClick={() => setStepRows((rows) => rows + 1)}>Add a step</Button>
      </fieldset>
      <p className="text-xs text-slate-600 dark:text-slate-400">Leave a row empty to drop it.</p>
      <SubmitButton pendingLabel="Saving…">Save rollback plan</SubmitButton>
    </form>
  );
}
