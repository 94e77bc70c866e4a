"use client";

import { useActionState, useState } from "react";
import { ChoiceGroup } from "@/components/ui/choice-group";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { idleState } from "@/lib/form";
import { updateSignoffPolicyAction } from "@/lib/releases/actions";

/** Separation of duties for this release's sign-offs: on by default; relaxing it needs a reason. */
export function SignoffPolicyForm({ releaseId, version, isOn }: { releaseId: string; version: number; isOn: boolean }) {
  const [state, formAction] = useActionState(updateSignoffPolicyAction, idleState);
  const [choice, setChoice] = useState(isOn ? "on" : "off");
  return (
    <form action={formAction} className="space-y-3">
      <FormMessage state={state} />
      <input type="hidden" name="id" value={releaseId} />
      <input type="hidden" name="version" value={version} />
      <ChoiceGroup
        legend="Separation of duties"
        name="separationOfDuties"
        type="radio"
        state={state}
        initial={[choice]}
        onChange={setChoice}
        choices={[
          { value: "on", label: "On", description: "The release owner, and whoever last changed a blocking item, may reject but not approve." },
          { value: "off", label: "Relaxed", description: "Anyone assigned to a role may approve it. Kept in the release's history with your reason." },
        ]}
      />
      {choice === "off" && isOn ? <Field label="Reason" name="reason" as="textarea" state={state} required maxLength={1000} /> : null}
      <SubmitButton pendingLabel="Saving…">Save policy</SubmitButton>
    </form>
  );
}
