"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireViewer } from "@/lib/auth";
import { formValues, toFormState, type FormState } from "@/lib/form";
import { markAllNotificationsRead, markNotificationRead } from "@/lib/notifications/mutations";

/** Marks the notification read and opens what it is about. */
export async function openNotificationAction(_state: FormState, formData: FormData): Promise<FormState> {
  const viewer = await requireViewer();
  const values = formValues(formData);
  let link: string;
  try {
    ({ link } = await markNotificationRead(viewer, values));
  } catch (error) {
    return toFormState(error, values);
  }
  revalidatePath("/", "layout");
  redirect(link);
}

export async function markAllReadAction(): Promise<FormState> {
  const viewer = await requireViewer();
  const { count } = await markAllNotificationsRead(viewer);
  revalidatePath("/", "layout");
  return { status: "success", message: count === 1 ? "1 notification marked as read." : `${count} notifications marked as read.` };
}
