"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireViewer } from "@/lib/auth";
import { formValues, toFormState, type FormState } from "@/lib/form";
import { importRelease, previewImport, retireTemplate, saveReleaseAsTemplate, updateTemplate } from "@/lib/templates/mutations";
import type { ImportPreview } from "@/lib/templates/markdown/types";

// Thin server actions for import and templates: session, then the mutation (permission, zod,
// transaction, audit), then revalidate and redirect outside any try/catch.

export type PreviewState = FormState & { preview?: ImportPreview; source?: string; previewHash?: string; fileName?: string };

/** Reads the pasted text or the uploaded file and returns its preview; saves nothing. */
export async function previewImportAction(_state: PreviewState, formData: FormData): Promise<PreviewState> {
  const viewer = await requireViewer();
  const values = formValues(formData);
  const file = formData.get("file");
  const hasFile = file instanceof File && file.size > 0;
  const input = { source: hasFile ? await file.text() : (values.source ?? ""), fileName: hasFile ? file.name : "" };
  try {
    if (hasFile && file.size > 1_000_000) throw new RangeError();
    const { preview, previewHash } = previewImport(viewer, input);
    return { status: "success", preview, source: input.source, previewHash, fileName: input.fileName, values: { source: input.source } };
  } catch (error) {
    if (error instanceof RangeError) return { status: "error", message: "The file is larger than 1 MB; split it and import the parts.", fieldErrors: { source: ["The file is larger than 1 MB."] } };
    return toFormState(error, { source: input.source.slice(0, 1_000_000) });
  }
}

export async function importReleaseAction(_state: FormState, formData: FormData): Promise<FormState> {
  const viewer = await requireViewer();
  const values = formValues(formData);
  let id: string;
  try {
    ({ id } = await importRelease(viewer, values));
  } catch (error) {
    const { source: _source, ...echo } = values;
    return toFormState(error, echo);
  }
  revalidatePath("/", "layout");
  redirect(`/releases/${id}/checklist`);
}

export async function saveAsTemplateAction(_state: FormState, formData: FormData): Promise<FormState> {
  const viewer = await requireViewer();
  const values = formValues(formData);
  let id: string;
  try {
    ({ id } = await saveReleaseAsTemplate(viewer, values));
  } catch (error) {
    return toFormState(error, values);
  }
  revalidatePath("/templates");
  redirect(`/templates/${id}`);
}

export async function updateTemplateAction(_state: FormState, formData: FormData): Promise<FormState> {
  const viewer = await requireViewer();
  const values = formValues(formData);
  try {
    const { warnings } = await updateTemplate(viewer, values);
    revalidatePath("/templates", "layout");
    const notes = warnings.filter((warning) => warning.kind !== "repaired").length;
    return { status: "success", message: `Template saved.${notes > 0 ? ` The importer noted ${notes} ${notes === 1 ? "thing" : "things"} it guessed or skipped; check the plan below.` : ""}` };
  } catch (error) {
    return toFormState(error, values);
  }
}

export async function retireTemplateAction(_state: FormState, formData: FormData): Promise<FormState> {
  const viewer = await requireViewer();
  const values = formValues(formData);
  try {
    const { retiredAt } = await retireTemplate(viewer, values);
    revalidatePath("/templates", "layout");
    return { status: "success", message: retiredAt ? "Template retired: no new releases can start from it." : "Template back in use." };
  } catch (error) {
    return toFormState(error, values);
  }
}
