"use server";

import { redirect } from "next/navigation";
import { pathMutationRunner } from "@/lib/form-actions";
import type { FormState } from "@/lib/form";
import { createUser, resetPassword, setUserDisabled, updateUser } from "@/lib/users/mutations";
import { resetTwoStep } from "@/lib/account/mutations";

const run = pathMutationRunner("/admin/users", "layout");

export async function createUserAction(_state: FormState, formData: FormData): Promise<FormState> {
  const state = await run(createUser, formData, "User created.");
  if (state.status === "success") redirect("/admin/users?created=1");
  return state;
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
