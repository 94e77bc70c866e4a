import type { Permission, Viewer } from "@/lib/permissions";
import { resetTwoStep } from "@/lib/account/mutations";
import { createApiToken, revokeApiToken } from "@/lib/api/tokens";
import { reportItemStatus } from "@/lib/checklist/automation-mutations";
import { createItem, deleteItem, moveItem, updateItem } from "@/lib/checklist/item-mutations";
import { addEvidence, addNote, removeEvidence } from "@/lib/checklist/item-records";
import { setItemStatus, waiveItem } from "@/lib/checklist/item-status";
import { createPhase, deletePhase, movePhase, updatePhase } from "@/lib/checklist/phase-mutations";
import { recordDecision } from "@/lib/decisions/mutations";
import { checkCriterion, createCriterion, createIncident, createItemFromIncident, deleteCriterion, recordOutcome, updateIncident } from "@/lib/plans/after-mutations";
import { createFreezeWindow, deleteFreezeWindow, updateFreezeWindow } from "@/lib/plans/freeze-mutations";
import { createRisk, deleteRisk, updateRisk } from "@/lib/plans/risk-mutations";
import { saveRollbackPlan, trackRehearsalAsItem } from "@/lib/plans/rollback-mutations";
import { createDeploymentStep, createMilestone, deleteDeploymentStep, deleteMilestone, updateDeploymentStep, updateMilestone, updateReleaseTimeZone } from "@/lib/plans/timeline-mutations";
import { archiveRelease, createRelease, updateRelease } from "@/lib/releases/mutations";
import { updateScoreSettings, updateSignoffPolicy } from "@/lib/releases/settings-mutations";
import { createShareLink, revokeShareLink } from "@/lib/share/mutations";
import { recordSignoff } from "@/lib/signoffs/mutations";
import { createRequiredSignoff, removeRequiredSignoff, updateRequiredSignoff } from "@/lib/signoffs/role-mutations";
import { createReleaseFromTemplate, importRelease, previewImport, retireTemplate, saveReleaseAsTemplate, updateTemplate } from "@/lib/templates/mutations";
import { createUser as createUserMutation, resetPassword, setUserDisabled, updateUser } from "@/lib/users/mutations";
import { createWebhook, deleteWebhook, redeliver, toggleWebhook } from "@/lib/webhooks/mutations";

// Every server action, and the automation API's own mutations, with the mutation it runs and the
// permission that mutation must demand. tests/integration/authorization-matrix.test.ts checks it
// is complete; the matrix and the hostile-input tests call every entry.

type Mutation = (viewer: Viewer, raw: unknown) => Promise<unknown> | unknown;

/** Action name → the mutation it runs and the permission that mutation must demand. */
export const registry: Record<string, { mutation: Mutation; permission: Permission | Permission[] }> = {
  createTokenAction: { mutation: createApiToken, permission: "api:manage" },
  revokeTokenAction: { mutation: revokeApiToken, permission: "api:manage" },
  createWebhookAction: { mutation: createWebhook, permission: "webhook:manage" },
  toggleWebhookAction: { mutation: toggleWebhook, permission: "webhook:manage" },
  deleteWebhookAction: { mutation: deleteWebhook, permission: "webhook:manage" },
  redeliverAction: { mutation: redeliver, permission: "webhook:manage" },
  createPhaseAction: { mutation: createPhase, permission: "checklist:edit" },
  updatePhaseAction: { mutation: updatePhase, permission: "checklist:edit" },
  deletePhaseAction: { mutation: deletePhase, permission: "checklist:edit" },
  movePhaseAction: { mutation: movePhase, permission: "checklist:edit" },
  createItemAction: { mutation: createItem, permission: "checklist:edit" },
  moveItemAction: { mutation: moveItem, permission: "checklist:edit" },
  updateItemAction: { mutation: updateItem, permission: "checklist:edit" },
  deleteItemAction: { mutation: deleteItem, permission: "checklist:edit" },
  setItemStatusAction: { mutation: setItemStatus, permission: "item:progress" },
  waiveItemAction: { mutation: waiveItem, permission: "item:waive" },
  addEvidenceAction: { mutation: addEvidence, permission: "item:progress" },
  removeEvidenceAction: { mutation: removeEvidence, permission: "item:progress" },
  addNoteAction: { mutation: addNote, permission: "item:progress" },
  recordDecisionAction: { mutation: recordDecision, permission: "decision:record" },
  createRiskAction: { mutation: createRisk, permission: "plan:edit" },
  updateRiskAction: { mutation: updateRisk, permission: "plan:edit" },
  deleteRiskAction: { mutation: deleteRisk, permission: "plan:edit" },
  saveRollbackPlanAction: { mutation: saveRollbackPlan, permission: "plan:edit" },
  trackRehearsalAction: { mutation: trackRehearsalAsItem, permission: "plan:edit" },
  createMilestoneAction: { mutation: createMilestone, permission: "plan:edit" },
  updateMilestoneAction: { mutation: updateMilestone, permission: "plan:edit" },
  deleteMilestoneAction: { mutation: deleteMilestone, permission: "plan:edit" },
  createDeploymentStepAction: { mutation: createDeploymentStep, permission: "plan:edit" },
  updateDeploymentStepAction: { mutation: updateDeploymentStep, permission: "plan:edit" },
  deleteDeploymentStepAction: { mutation: deleteDeploymentStep, permission: "plan:edit" },
  updateTimeZoneAction: { mutation: updateReleaseTimeZone, permission: "plan:edit" },
  createIncidentAction: { mutation: createIncident, permission: "incident:record" },
  updateIncidentAction: { mutation: updateIncident, permission: "incident:record" },
  // Turning an incident into a checklist item also edits the checklist.
  createItemFromIncidentAction: { mutation: createItemFromIncident, permission: ["incident:record", "checklist:edit"] },
  createCriterionAction: { mutation: createCriterion, permission: "plan:edit" },
  checkCriterionAction: { mutation: checkCriterion, permission: "plan:edit" },
  deleteCriterionAction: { mutation: deleteCriterion, permission: "plan:edit" },
  recordOutcomeAction: { mutation: recordOutcome, permission: "plan:edit" },
  createFreezeWindowAction: { mutation: createFreezeWindow, permission: "freeze:manage" },
  updateFreezeWindowAction: { mutation: updateFreezeWindow, permission: "freeze:manage" },
  deleteFreezeWindowAction: { mutation: deleteFreezeWindow, permission: "freeze:manage" },
  createReleaseAction: { mutation: createRelease, permission: "release:create" },
  updateReleaseAction: { mutation: updateRelease, permission: "release:edit" },
  archiveReleaseAction: { mutation: archiveRelease, permission: "release:archive" },
  updateScoreSettingsAction: { mutation: updateScoreSettings, permission: "release:edit" },
  updateSignoffPolicyAction: { mutation: updateSignoffPolicy, permission: "release:edit" },
  createShareLinkAction: { mutation: createShareLink, permission: "share:manage" },
  revokeShareLinkAction: { mutation: revokeShareLink, permission: "share:manage" },
  recordSignoffAction: { mutation: recordSignoff, permission: "signoff:record" },
  createRoleAction: { mutation: createRequiredSignoff, permission: "signoff:configure" },
  updateRoleAction: { mutation: updateRequiredSignoff, permission: "signoff:configure" },
  removeRoleAction: { mutation: removeRequiredSignoff, permission: "signoff:configure" },
  previewImportAction: { mutation: previewImport, permission: "release:create" },
  importReleaseAction: { mutation: importRelease, permission: "release:create" },
  saveAsTemplateAction: { mutation: saveReleaseAsTemplate, permission: "template:create" },
  updateTemplateAction: { mutation: updateTemplate, permission: "template:manage" },
  retireTemplateAction: { mutation: retireTemplate, permission: "template:manage" },
  createUserAction: { mutation: createUserMutation, permission: "users:manage" },
  updateUserAction: { mutation: updateUser, permission: "users:manage" },
  resetPasswordAction: { mutation: resetPassword, permission: "users:manage" },
  setUserDisabledAction: { mutation: setUserDisabled, permission: "users:manage" },
  resetTwoStepAction: { mutation: resetTwoStep, permission: "users:manage" },
  // The automation API's own mutation (PATCH /api/v1/releases/{id}/items/{ref}).
  "api:setItemStatus": { mutation: reportItemStatus, permission: "item:progress" },
  "api:addEvidence": { mutation: addEvidence, permission: "item:progress" },
};

