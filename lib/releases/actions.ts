"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireViewer } from "@/lib/auth";
import { formValues, toFormState, type FormState } from "@/lib/form";
import { archiveRelease, createRelease, updateRelease } from "@/lib/releases/mutations";

// Thin server actions: session, then the mutation (permission, zod, transaction, audit),
// then revalidate and redirect outside any try/catch.

export async function createReleaseAction(_state: FormState, formData: FormData): Promise<FormState> {
  const viewer = await requireViewer();
  const values = formValues(formData);
  let id: string;
  try {
    ({ id } = await createRelease(viewer, values));
  } catch (error) {
    return toFormState(error, values);
  }
  revalidatePath("/");
  redirect(`/releases/${id}`);
}

export async function updateReleaseAction(_state: FormState, formData: FormData): Promise<FormState> {
  const viewer = await requireViewer();
  const values = formValues(formData);
  let id: string;
  try {
    ({ id } = await updateRelease(viewer, values));
  } catch (error) {
    return toFormState(error, values);
  }
  revalidatePath("/", "layout");
  redirect(`/releases/${id}`);
}

export async function archiveReleaseAction(_state: FormState, formData: FormData): Promise<FormState> {
  const viewer = await requireViewer();
  const values = formValues(formData);
  let id: string;
  try {
    ({ id } = await archiveRelease(viewer, values));
  } catch (error) {
    return toFormState(error, values);
  }
  revalidatePath("/", "layout");
  redirect(`/releases/${id}`);
}
