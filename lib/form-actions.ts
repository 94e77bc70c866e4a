import "server-only";
import { revalidatePath } from "next/cache";
import { requireViewer } from "@/lib/auth";
import type { Viewer } from "@/lib/permissions";
import { formValues, toFormState, type FormState } from "@/lib/form";

type ReleaseMutation<R> = (viewer: Viewer, raw: unknown) => Promise<R>;
type ViewerMutation = (viewer: Viewer, raw: unknown) => Promise<unknown>;

/**
 * The body of every server action that stays on its page: the session, then the mutation
 * (permission, zod, transaction, audit), then the release's pages refreshed. `input` is what
 * the mutation receives when it differs from the flat form values (rows, lists); the values
 * are always echoed back on an error so the user keeps what they typed.
 */
export async function runFormMutation<R extends { releaseId: string }>(
  mutation: ReleaseMutation<R>,
  values: Record<string, string>,
  success: string | ((result: R) => FormState),
  input: unknown = values,
): Promise<FormState> {
  const viewer = await requireViewer();
  try {
    const result = await mutation(viewer, input);
    revalidatePath(`/releases/${result.releaseId}`, "layout");
    revalidatePath("/");
    return typeof success === "string" ? { status: "success", message: success } : success(result);
  } catch (error) {
    return toFormState(error, values);
  }
}

/**
 * The body of a server action that changes no release (users, freeze windows, the viewer's own
 * account): the session, then the mutation, then `path` refreshed.
 */
export async function runPathMutation(
  mutation: ViewerMutation,
  formData: FormData,
  message: string,
  path: string,
  type?: "layout" | "page",
): Promise<FormState> {
  const viewer = await requireViewer();
  const values = formValues(formData);
  try {
    await mutation(viewer, values);
  } catch (error) {
    return toFormState(error, values);
  }
  revalidatePath(path, type);
  return { status: "success", message };
}

/** `runPathMutation` with its path fixed, for a module whose actions all refresh one page. */
export function pathMutationRunner(path: string, type?: "layout" | "page") {
  return (mutation: ViewerMutation, formData: FormData, message: string) => runPathMutation(mutation, formData, message, path, type);
}
