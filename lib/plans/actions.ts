"use server";

import { revalidatePath } from "next/cache";
import { formRows, formValues, withoutRows, type FormState } from "@/lib/form";
import { pathMutationRunner, runFormMutation } from "@/lib/form-actions";
import { checkCriterion, createCriterion, createIncident, createItemFromIncident, deleteCriterion, recordOutcome, updateIncident } from "@/lib/plans/after-mutations";
import { createFreezeWindow, deleteFreezeWindow, updateFreezeWindow } from "@/lib/plans/freeze-mutations";
import { createRisk, deleteRisk, updateRisk } from "@/lib/plans/risk-mutations";
import { saveRollbackPlan, trackRehearsalAsItem } from "@/lib/plans/rollback-mutations";
import {
  createDeploymentStep,
  createMilestone,
  deleteDeploymentStep,
  deleteMilestone,
  updateDeploymentStep,
  updateMilestone,
  updateReleaseTimeZone,
} from "@/lib/plans/timeline-mutations";

type Mutation = (viewer: Parameters<typeof createRisk>[0], raw: unknown) => Promise<{ releaseId: string }>;
const run = (mutation: Mutation, formData: FormData, message: string) => runFormMutation(mutation, formValues(formData), message);

export async function createRiskAction(_state: FormState, formData: FormData) {
  return run(createRisk, formData, "Risk added.");
}
export async function updateRiskAction(_state: FormState, formData: FormData) {
  return run(updateRisk, formData, "Risk saved.");
}
export async function deleteRiskAction(_state: FormState, formData: FormData) {
  return run(deleteRisk, formData, "Risk deleted.");
}

export async function saveRollbackPlanAction(_state: FormState, formData: FormData) {
  const values = formValues(formData);
  // A trigger row keeps its comparison choice when left empty: judge it by what was typed.
  const triggers = formRows(values, "triggers").filter((row) => [row.metric, row.threshold, row.unit, row.durationMinutes].some((value) => value?.trim()));
  const input = { ...withoutRows(withoutRows(values, "triggers"), "steps"), triggers, steps: formRows(values, "steps") };
  return runFormMutation(saveRollbackPlan, values, "Rollback plan saved.", input);
}
export async function trackRehearsalAction(_state: FormState, formData: FormData) {
  return run(trackRehearsalAsItem, formData, "The rehearsal is now a blocking checklist item that follows this plan.");
}

export async function createMilestoneAction(_state: FormState, formData: FormData) {
  return run(createMilestone, formData, "Milestone added.");
}
export async function updateMilestoneAction(_state: FormState, formData: FormData) {
  return run(updateMilestone, formData, "Milestone saved.");
}
export async function deleteMilestoneAction(_state: FormState, formData: FormData) {
  return run(deleteMilestone, formData, "Milestone deleted.");
}
export async function createDeploymentStepAction(_state: FormState, formData: FormData) {
  return run(createDeploymentStep, formData, "Step added.");
}
export async function updateDeploymentStepAction(_state: FormState, formData: FormData) {
  return run(updateDeploymentStep, formData, "Step saved.");
}
export async function deleteDeploymentStepAction(_state: FormState, formData: FormData) {
  return run(deleteDeploymentStep, formData, "Step deleted.");
}
export async function updateTimeZoneAction(_state: FormState, formData: FormData) {
  return run(updateReleaseTimeZone, formData, "Time zone saved.");
}

export async function createIncidentAction(_state: FormState, formData: FormData) {
  return run(createIncident, formData, "Incident recorded.");
}
export async function updateIncidentAction(_state: FormState, formData: FormData) {
  return run(updateIncident, formData, "Incident saved.");
}
export async function createItemFromIncidentAction(_state: FormState, formData: FormData) {
  return runFormMutation(createItemFromIncident, formValues(formData), (result) => {
    revalidatePath(`/releases/${result.incidentReleaseId}`, "layout");
    return { status: "success", message: "Follow-up item created." };
  });
}
export async function createCriterionAction(_state: FormState, formData: FormData) {
  return run(createCriterion, formData, "Success criterion added.");
}
export async function checkCriterionAction(_state: FormState, formData: FormData) {
  return run(checkCriterion, formData, "Saved.");
}
export async function deleteCriterionAction(_state: FormState, formData: FormData) {
  return run(deleteCriterion, formData, "Success criterion deleted.");
}
export async function recordOutcomeAction(_state: FormState, formData: FormData) {
  return run(recordOutcome, formData, "Outcome recorded.");
}

/** Freeze windows belong to no release: they refresh the admin page and every release. */
const runFreeze = pathMutationRunner("/", "layout");
export async function createFreezeWindowAction(_state: FormState, formData: FormData) {
  return runFreeze(createFreezeWindow, formData, "Freeze window added.");
}
export async function updateFreezeWindowAction(_state: FormState, formData: FormData) {
  return runFreeze(updateFreezeWindow, formData, "Freeze window saved.");
}
export async function deleteFreezeWindowAction(_state: FormState, formData: FormData) {
  return runFreeze(deleteFreezeWindow, formData, "Freeze window deleted.");
}
