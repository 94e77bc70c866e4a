"use client";

import { useActionState, useId } from "react";
import { ChoiceGroup } from "@/components/ui/choice-group";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { idleState } from "@/lib/form";
import { createTokenAction, createWebhookAction, type SecretState } from "@/lib/api/actions";

type Option = { value: string; label: string; description?: string };

/** A secret shown once, right after it was made, in a field that is easy to select and copy. */
function OneTimeSecret({ state, label }: { state: SecretState; label: string }) {
  const id = useId();
  if (state.status !== "success" || !state.secret) return null;
  return (
    <div className="rounded-md border border-amber-300 bg-amber-50 p-3 dark:border-amber-800 dark:bg-amber-950">
      <label htmlFor={id} className="block text-sm font-medium text-amber-950 dark:text-amber-100">{label}</label>
      <input id={id} readOnly value={state.secret} onFocus={(event) => event.currentTarget.select()} className="mt-1 block w-full rounded border border-amber-300 bg-white px-2 py-1 font-mono text-sm dark:border-amber-700 dark:bg-slate-950" />
    </div>
  );
}

export function TokenForm({ releases, scopes }: { releases: Option[]; scopes: Option[] }) {
  const [state, formAction] = useActionState<SecretState, FormData>(createTokenAction, idleState);
  const shown = state.status === "success" ? idleState : state;
  return (
    <form action={formAction} className="space-y-3" aria-label="New API token">
      <FormMessage state={state} labels={{ name: "Token name", scopes: "Scopes", releaseId: "Release", expiresInDays: "Expires in" }} />
      <OneTimeSecret state={state} label="Your new token" />
      <div className="grid gap-3 sm:grid-cols-3">
        <Field label="Token name" name="name" state={shown} required maxLength={80} hint="Say where it is used, such as “CI pipeline”." />
        <Field label="Release" name="releaseId" as="select" options={[{ value: "", label: "All releases" }, ...releases]} state={shown} />
        <Field label="Expires in (days)" name="expiresInDays" type="number" state={shown} initial="90" required />
      </div>
      <ChoiceGroup legend="Scopes" name="scopes" type="checkbox" state={shown} choices={scopes} initial={["read"]} />
      <SubmitButton pendingLabel="Creating…">Create token</SubmitButton>
    </form>
  );
}

export function WebhookForm({ releases, events, canAddGlobal }: { releases: Option[]; events: Option[]; canAddGlobal: boolean }) {
  const [state, formAction] = useActionState<SecretState, FormData>(createWebhookAction, idleState);
  const shown = state.status === "success" ? idleState : state;
  return (
    <form action={formAction} className="space-y-3" aria-label="New webhook">
      <FormMessage state={state} labels={{ url: "Receiver URL", events: "Events", releaseId: "Release" }} />
      <OneTimeSecret state={state} label="Signing secret" />
      <div className="grid gap-3 sm:grid-cols-3">
        <Field label="Receiver URL" name="url" type="url" state={shown} required maxLength={2000} className="sm:col-span-2" />
        <Field label="Release" name="releaseId" as="select" options={[...(canAddGlobal ? [{ value: "", label: "All releases" }] : []), ...releases]} state={shown} />
      </div>
      <ChoiceGroup legend="Events" name="events" type="checkbox" state={shown} choices={events} initial={events.map((event) => event.value)} />
      <SubmitButton pendingLabel="Adding…">Add webhook</SubmitButton>
    </form>
  );
}
