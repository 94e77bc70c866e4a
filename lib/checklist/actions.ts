"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireViewer } from "@/lib/auth";
import type { Viewer } from "@/lib/permissions";
import { formValues, toFormState, type FormState } from "@/lib/form";
import { runFormMutation } from "@/lib/form-actions";
import { createPhase, deletePhase, movePhase, updatePhase } from "@/lib/checklist/phase-mutations";
import { createItem, deleteItem, moveItem, updateItem } from "@/lib/checklist/item-mutations";
import { setItemStatus, waiveItem } from "@/lib/checklist/item-status";
import { addEvidence, addNote, removeEvidence } from "@/lib/checklist/item-records";

type Mutation = (viewer: Viewer, raw: unknown) => Promise<{ releaseId: string }>;

function run(mutation: Mutation, formData: FormData, successMessage: string): Promise<FormState> {
  return runFormMutation(mutation, formValues(formData), successMessage);
}

export async function createPhaseAction(_state: FormState, formData: FormData) {
  return run(createPhase, formData, "Phase added.");
}
export async function updatePhaseAction(_state: FormState, formData: FormData) {
  return run(updatePhase, formData, "Phase saved.");
}
export async function deletePhaseAction(_state: FormState, formData: FormData) {
  return run(deletePhase, formData, "Phase deleted.");
}
export async function movePhaseAction(_state: FormState, formData: FormData) {
  return run(movePhase, formData, "Phase moved.");
}
export async function createItemAction(_state: FormState, formData: FormData) {
  return run(createItem, formData, "Item added.");
}
export async function moveItemAction(_state: FormState, formData: FormData) {
  return run(moveItem, formData, "Item moved.");
}
export async function setItemStatusAction(_state: FormState, formData: FormData) {
  return run(setItemStatus, formData, "Status changed.");
}
export async function waiveItemAction(_state: FormState, formData: FormData) {
  return run(waiveItem, formData, "Item waived.");
}
export async function addEvidenceAction(_state: FormState, formData: FormData) {
  return run(addEvidence, formData, "Evidence added.");
}
export async function removeEvidenceAction(_state: FormState, formData: FormData) {
  return run(removeEvidence, formData, "Evidence removed.");
}
export async function addNoteAction(_state: FormState, formData: FormData) {
  return run(addNote, formData, "Note added.");
}

export async function updateItemAction(_state: FormState, formData: FormData): Promise<FormState> {
  const viewer = await requireViewer();
  const values = formValues(formData);
  let target: string;
  try {
    const { releaseId, id } = await updateItem(viewer, values);
    target = `/releases/${releaseId}/items/${id}`;
    revalidatePath(`/releases/${releaseId}`, "layout");
  } catch (error) {
    return toFormState(error, values);
  }
  redirect(target);
}

export async function deleteItemAction(_state: FormState, formData: FormData): Promise<FormState> {
  const viewer = await requireViewer();
  const values = formValues(formData);
  let target: string;
  try {
    const { releaseId, parentId } = await deleteItem(viewer, values);
    target = parentId ? `/releases/${releaseId}/items/${parentId}` : `/releases/${releaseId}/checklist`;
    revalidatePath(`/releases/${releaseId}`, "layout");
  } catch (error) {
    return toFormState(error, values);
  }
  redirect(target);
}
