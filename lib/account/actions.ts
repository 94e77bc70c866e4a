"use server";

import { cookies } from "next/headers";
import { requireViewer } from "@/lib/auth";
import type { FormState } from "@/lib/form";
import { pathMutationRunner } from "@/lib/form-actions";
import { confirmTwoStep, disableTwoStep, startTwoStepSetup, unlinkIdentity } from "@/lib/account/mutations";
import { linkIntentCookie, ssoSettings } from "@/lib/account/sso";

// The viewer's own account: each action acts on the signed-in user only.

const run = pathMutationRunner("/account");

export async function startTwoStepSetupAction(_state: FormState, formData: FormData) {
  return run((viewer) => startTwoStepSetup(viewer), formData, "Scan the code with your authenticator app, then enter the code it shows.");
}
export async function confirmTwoStepAction(_state: FormState, formData: FormData) {
  return run(confirmTwoStep, formData, "Two-step sign-in is on. You will be asked for a code each time you sign in.");
}
export async function disableTwoStepAction(_state: FormState, formData: FormData) {
  return run(disableTwoStep, formData, "Two-step sign-in is off.");
}
export async function unlinkIdentityAction(_state: FormState, formData: FormData) {
  return run(unlinkIdentity, formData, "Single sign-on unlinked.");
}

/** Lets the next single sign-on in this browser link to the signed-in account (ten minutes). */
export async function startSsoLinkAction(): Promise<void> {
  const viewer = await requireViewer();
  if (!ssoSettings()) return;
  const { name, value, maxAge } = linkIntentCookie(viewer.id);
  (await cookies()).set(name, value, { httpOnly: true, sameSite: "lax", path: "/api/auth", maxAge, secure: process.env.NEXTAUTH_URL?.startsWith("https://") ?? false });
}
