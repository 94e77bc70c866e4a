"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireViewer } from "@/lib/auth";
import type { Viewer } from "@/lib/permissions";
import { runPathMutation } from "@/lib/form-actions";
import { formValues, toFormState, type FormState } from "@/lib/form";
import { createUser, resetPassword, setUserDisabled, updateUser } from "@/lib/users/mutations";
import { resetTwoStep } from "@/lib/account/mutations";

const run = (mutation: (viewer: Viewer, raw: unknown) => Promise<unknown>, formData: FormData, message: string) => runPathMutation(mutation, formData, message, "/admin/users", "layout");

export async function createUserAction(_state: FormState, formData: FormData): Promise<FormState> {
  const viewer = await requireViewer();
  const values = formValues(formData);
  try {
    await createUser(viewer, values);
  } catch (error) {
    return toFormState(error, values);
  }
  revalidatePath("/admin/users");
  redirect("/admin/users?created=1");
}

export async function updateUserAction(_state: FormState, formData: FormData) {
  return run(updateUser, formData, "User saved.");
}
export async function resetPasswordAction(_state: FormState, formData: FormData) {
  return run(resetPassword, formData, "Password reset. The user's sessions have been signed out.");
}
export async function setUserDisabledAction(_state: FormState, formData: FormData) {
  return run(setUserDisabled, formData, "Account updated.");
}
export async function resetTwoStepAction(_state: FormState, formData: FormData) {
  return run(resetTwoStep, formData, "Two-step sign-in reset. The user's sessions have been signed out.");
}
