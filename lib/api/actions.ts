"use server";

import { revalidatePath } from "next/cache";
import { requireViewer } from "@/lib/auth";
import { formList, formValues, toFormState, type FormState } from "@/lib/form";
import { createApiToken, revokeApiToken } from "@/lib/api/tokens";
import { createWebhook, deleteWebhook, redeliver, toggleWebhook } from "@/lib/webhooks/mutations";

// Thin server actions of the Integrations page: session, then the mutation.

export type SecretState = FormState & { secret?: string };

async function run(work: () => Promise<unknown>, values: Record<string, string>, message: string): Promise<FormState> {
  try {
    await work();
  } catch (error) {
    return toFormState(error, values);
  }
  revalidatePath("/integrations");
  return { status: "success", message };
}

export async function createTokenAction(_state: SecretState, formData: FormData): Promise<SecretState> {
  const viewer = await requireViewer();
  const values = formValues(formData);
  const scopes = formList(formData, "scopes");
  try {
    const { token } = await createApiToken(viewer, { ...values, scopes });
    revalidatePath("/integrations");
    return { status: "success", message: "Token created. Copy it now: it is not shown again.", secret: token };
  } catch (error) {
    return toFormState(error, { ...values, scopes: scopes.join(",") });
  }
}

export async function revokeTokenAction(_state: FormState, formData: FormData) {
  const viewer = await requireViewer();
  const values = formValues(formData);
  return run(() => revokeApiToken(viewer, values), values, "Token revoked.");
}

export async function createWebhookAction(_state: SecretState, formData: FormData): Promise<SecretState> {
  const viewer = await requireViewer();
  const values = formValues(formData);
  const events = formList(formData, "events");
  try {
    const { secret } = await createWebhook(viewer, { ...values, events });
    revalidatePath("/integrations");
    return { status: "success", message: "Webhook added. Copy its signing secret now: it is not shown again.", secret };
  } catch (error) {
    return toFormState(error, { ...values, events: events.join(",") });
  }
}

export async function toggleWebhookAction(_state: FormState, formData: FormData) {
  const viewer = await requireViewer();
  const values = formValues(formData);
  return run(() => toggleWebhook(viewer, values), values, "Webhook updated.");
}

export async function deleteWebhookAction(_state: FormState, formData: FormData) {
  const viewer = await requireViewer();
  const values = formValues(formData);
  return run(() => deleteWebhook(viewer, values), values, "Webhook deleted.");
}

export async function redeliverAction(_state: FormState, formData: FormData) {
  const viewer = await requireViewer();
  const values = formValues(formData);
  return run(() => redeliver(viewer, values), values, "Sent again.");
}
