"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireViewer } from "@/lib/auth";
import type { Viewer } from "@/lib/permissions";
import { formValues, toFormState, type FormState } from "@/lib/form";
import { archiveRelease, createRelease, updateRelease } from "@/lib/releases/mutations";
import { createReleaseFromTemplate } from "@/lib/templates/mutations";
import { updateScoreSettings, updateSignoffPolicy } from "@/lib/releases/settings-mutations";
import { formRows, withoutRows } from "@/lib/form";
import { runFormMutation } from "@/lib/form-actions";

// Thin server actions: session, then the mutation (permission, zod, transaction, audit),
// then revalidate and redirect to the release, outside any try/catch.

async function runThenShowRelease(mutation: (viewer: Viewer, raw: unknown) => Promise<{ id: string }>, formData: FormData): Promise<FormState> {
  const viewer = await requireViewer();
  const values = formValues(formData);
  let id: string;
  try {
    ({ id } = await mutation(viewer, values));
  } catch (error) {
    return toFormState(error, values);
  }
  revalidatePath("/", "layout");
  redirect(`/releases/${id}`);
}

export async function createReleaseAction(_state: FormState, formData: FormData) {
  // "Start from" a template, or a blank release.
  const templateId = formData.get("templateId");
  if (typeof templateId === "string" && templateId !== "") return runThenShowRelease(createReleaseFromTemplate, formData);
  formData.delete("templateId");
  return runThenShowRelease(createRelease, formData);
}

export async function updateReleaseAction(_state: FormState, formData: FormData) {
  return runThenShowRelease(updateRelease, formData);
}

export async function archiveReleaseAction(_state: FormState, formData: FormData) {
  return runThenShowRelease(archiveRelease, formData);
}

export async function updateScoreSettingsAction(_state: FormState, formData: FormData) {
  const values = formValues(formData);
  // A row whose name and weight were cleared is a category to remove.
  const categories = formRows(values, "categories").filter((row) => row.name?.trim() || row.weight?.trim());
  const input = { ...withoutRows(values, "categories"), categories };
  return runFormMutation(updateScoreSettings, values, "Readiness score settings saved.", input);
}

export async function updateSignoffPolicyAction(_state: FormState, formData: FormData) {
  return runFormMutation(updateSignoffPolicy, formValues(formData), "Sign-off policy saved.");
}
