"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { idleState } from "@/lib/form";
import { createItemFromIncidentAction } from "@/lib/plans/actions";

type Target = { id: string; name: string; versionName: string; phases: { id: string; name: string }[] };

/** Turns an incident into a checklist item of an open release (this one or the next), linked back. */
export function FollowUpForm({ incidentId, targets }: { incidentId: string; targets: Target[] }) {
  const [state, formAction] = useActionState(createItemFromIncidentAction, idleState);
  const phaseFieldId = `follow-up-phase-${incidentId}`;
  const priorityFieldId = `follow-up-priority-${incidentId}`;
  return (
    <form action={formAction} className="space-y-2">
      <FormMessage state={state} />
      <input type="hidden" name="incidentId" value={incidentId} />
      <div className="grid gap-2 sm:grid-cols-[2fr_1fr]">
        <div>
          <label htmlFor={phaseFieldId} className="block text-sm font-medium">Add to</label>
          <select id={phaseFieldId} name="phaseId" required className="field-control" defaultValue="">
            <option value="" disabled>Choose a release and phase</option>
            {targets.map((target) => (
              <optgroup key={target.id} label={`${target.name} ${target.versionName}`}>
                {target.phases.map((phase) => <option key={phase.id} value={phase.id}>{phase.name}</option>)}
              </optgroup>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={priorityFieldId} className="block text-sm font-medium">Priority</label>
          <select id={priorityFieldId} name="priority" className="field-control" defaultValue="BLOCKING">
            <option value="BLOCKING">Blocking</option>
            <option value="RECOMMENDED">Recommended</option>
            <option value="OPTIONAL">Optional</option>
          </select>
        </div>
      </div>
      <SubmitButton variant="secondary" pendingLabel="Creating…">Create follow-up item</SubmitButton>
    </form>
  );
}
