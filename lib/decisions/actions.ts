"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireViewer } from "@/lib/auth";
import { formValues, toFormState, type FormState } from "@/lib/form";
import { recordDecision } from "@/lib/decisions/mutations";

export async function recordDecisionAction(_state: FormState, formData: FormData): Promise<FormState> {
  const viewer = await requireViewer();
  const values = formValues(formData);
  let target: string;
  try {
    const { id, releaseId } = await recordDecision(viewer, values);
    target = `/releases/${releaseId}/decisions/${id}`;
    revalidatePath("/", "layout");
  } catch (error) {
    return toFormState(error, values);
  }
  redirect(target);
}
