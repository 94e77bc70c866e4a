"use client";

import { useActionState, useSyncExternalStore } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { idleState } from "@/lib/form";
import { createShareLinkAction } from "@/lib/share/actions";

const subscribe = () => () => {};
const expiryOptions = [
  { value: "7", label: "7 days" },
  { value: "14", label: "14 days" },
  { value: "30", label: "30 days" },
  { value: "90", label: "90 days" },
  { value: "1", label: "1 day" },
];

/** Creates a share link and shows it once: only its hash is kept. */
export function ShareLinkForm({ releaseId }: { releaseId: string }) {
  const [state, formAction] = useActionState(createShareLinkAction, idleState);
  const origin = useSyncExternalStore(subscribe, () => window.location.origin, () => "");
  const token = state.status === "success" ? state.values?.token : undefined;
  return (
    <form action={formAction} className="space-y-3">
      <FormMessage state={state} />
      {token ? (
        <div className="space-y-1">
          <label htmlFor="new-share-link" className="block text-sm font-medium">New link</label>
          <input id="new-share-link" readOnly value={`${origin}/share/${token}`} className="block w-full rounded-md border border-slate-300 bg-slate-50 px-2.5 py-1.5 font-mono text-xs dark:border-slate-700 dark:bg-slate-800" onFocus={(event) => event.currentTarget.select()} />
        </div>
      ) : null}
      <input type="hidden" name="releaseId" value={releaseId} />
      <div className="grid gap-3 sm:grid-cols-[2fr_1fr]">
        <Field label="Who the link is for" name="label" state={token ? idleState : state} required maxLength={120} hint="For example: steering committee." />
        <Field label="Works for" name="expiresInDays" as="select" options={expiryOptions} state={token ? idleState : state} />
      </div>
      <SubmitButton pendingLabel="Creating…">Create share link</SubmitButton>
    </form>
  );
}
