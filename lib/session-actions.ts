"use server";

import { requireViewer } from "@/lib/auth";
import { signOutEverywhere } from "@/lib/sessions";

/** Signs the current user out on every device; the browser then signs out here too. */
export async function signOutEverywhereAction(): Promise<void> {
  await signOutEverywhere(await requireViewer());
}
