"use client";

import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { waiveItemAction } from "@/lib/checklist/actions";
import { idleState } from "@/lib/form";

export function WaiveForm({ itemId, version, isBlocking }: { itemId: string; version: number; isBlocking: boolean }) {
  const [state, formAction] = useActionState(waiveItemAction, idleState);
  return (
    <form action={formAction} className="space-y-3">
      <FormMessage state={state} labels={{ status: "Status", waiverReason: "Waiver reason" }} />
      <input type="hidden" name="id" value={itemId} />
      <input type="hidden" name="version" value={state.current?.version ?? version} />
      <Field label="Reason for the waiver" name="waiverReason" as="textarea" state={state} required maxLength={1000} />
      <Field
        label="Waiver expires on"
        name="waiverExpiresAt"
        type="date"
        state={state}
        required={isBlocking}
        hint={isBlocking ? "A blocking item's waiver must expire; after that the item is open again." : "Optional: after this day the item is open again."}
      />
      <SubmitButton variant="secondary" pendingLabel="Waiving…">Waive item</SubmitButton>
    </form>
  );
}
