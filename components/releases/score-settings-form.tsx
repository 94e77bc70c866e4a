"use client";

import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { idleState } from "@/lib/form";
import { updateScoreSettingsAction } from "@/lib/releases/actions";

type Category = { id: string; name: string; weight: number };
type Props = { releaseId: string; version: number; threshold: number; categories: Category[] };

const MAX_CATEGORIES = 12;

/** The readiness score's weighted categories and GO threshold; the weights must add up to 100. */
export function ScoreSettingsForm({ releaseId, version, threshold, categories }: Props) {
  const [state, formAction] = useActionState(updateScoreSettingsAction, idleState);
  const [rows, setRows] = useState(categories.length);
  const [weights, setWeights] = useState<Record<number, number>>(Object.fromEntries(categories.map((category, index) => [index, category.weight])));
  const total = Object.values(weights).reduce((sum, weight) => sum + (Number.isFinite(weight) ? weight : 0), 0);
  return (
    <form action={formAction} className="space-y-4">
      <FormMessage state={state} />
      <input type="hidden" name="id" value={releaseId} />
      <input type="hidden" name="version" value={version} />
      <Field label="GO threshold" name="goThreshold" type="number" state={state} initial={String(threshold)} required hint="The score, from 0 to 100, at or above which the score criterion is met." className="max-w-xs" />
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">Weighted categories</legend>
        {state.fieldErrors?.categories?.map((error) => <p key={error} role="alert" className="text-xs font-medium text-red-700 dark:text-red-400">{error}</p>)}
        {Array.from({ length: rows }, (_, index) => {
          const existing = categories[index];
          return (
            <div key={index} className="grid grid-cols-[1fr_7rem] gap-2">
              <input type="hidden" name={`categories.${index}.id`} value={existing?.id ?? ""} />
              <Field label={`Category ${index + 1}`} name={`categories.${index}.name`} state={state} initial={existing?.name} maxLength={60} />
              <div onChange={(event) => setWeights((current) => ({ ...current, [index]: Number((event.target as HTMLInputElement).value) }))}>
                <Field label="Weight" name={`categories.${index}.weight`} type="number" state={state} initial={existing ? String(existing.weight) : ""} />
              </div>
            </div>
          );
        })}
        <p className="text-sm" aria-live="polite">
          Total: <strong className={total === 100 ? "text-emerald-800 dark:text-emerald-300" : "text-red-800 dark:text-red-300"}>{total}</strong> of 100
          {total === 100 ? " ✓" : " (must be exactly 100)"}
        </p>
        <p className="text-xs text-slate-600 dark:text-slate-400">Clear a category's name and weight to remove it; a category that still has items cannot be removed.</p>
        {rows < MAX_CATEGORIES ? <Button size="sm" onClick={() => setRows((count) => count + 1)}>Add a category</Button> : null}
      </fieldset>
      <SubmitButton pendingLabel="Saving…">Save score settings</SubmitButton>
    </form>
  );
}
