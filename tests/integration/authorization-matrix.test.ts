import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { ValidationError } from "@/lib/form";
import type { Role } from "@/lib/generated/prisma/enums";
import { can, type Permission, type Viewer } from "@/lib/permissions";
import { createApiToken, revokeApiToken } from "@/lib/api/tokens";
import { reportItemStatus } from "@/lib/checklist/automation-mutations";
import { createItem, deleteItem, moveItem, updateItem } from "@/lib/checklist/item-mutations";
import { addEvidence, addNote, removeEvidence } from "@/lib/checklist/item-records";
import { setItemStatus, waiveItem } from "@/lib/checklist/item-status";
import { createPhase, deletePhase, movePhase, updatePhase } from "@/lib/checklist/phase-mutations";
import { recordDecision } from "@/lib/decisions/mutations";
import { markNotificationRead } from "@/lib/notifications/mutations";
import { checkCriterion, createCriterion, createIncident, createItemFromIncident, deleteCriterion, recordOutcome, updateIncident } from "@/lib/plans/after-mutations";
import { createFreezeWindow, deleteFreezeWindow, updateFreezeWindow } from "@/lib/plans/freeze-mutations";
import { createRisk, deleteRisk, updateRisk } from "@/lib/plans/risk-mutations";
import { saveRollbackPlan, trackRehearsalAsItem } from "@/lib/plans/rollback-mutations";
import { createDeploymentStep, createMilestone, deleteDeploymentStep, deleteMilestone, updateDeploymentStep, updateMilestone, updateReleaseTimeZone } from "@/lib/plans/timeline-mutations";
import { archiveRelease, createRelease, updateRelease } from "@/lib/releases/mutations";
import { updateScoreSettings, updateSignoffPolicy } from "@/lib/releases/settings-mutations";
import { createShareLink, revokeShareLink } from "@/lib/share/mutations";
import { recordSignoff, resolveCondition } from "@/lib/signoffs/mutations";
import { createRequiredSignoff, removeRequiredSignoff, updateRequiredSignoff } from "@/lib/signoffs/role-mutations";
import { createReleaseFromTemplate, importRelease, previewImport, retireTemplate, saveReleaseAsTemplate, updateTemplate } from "@/lib/templates/mutations";
import { createUser as createUserMutation, resetPassword, setUserDisabled, updateUser } from "@/lib/users/mutations";
import { createWebhook, deleteWebhook, redeliver, toggleWebhook } from "@/lib/webhooks/mutations";
import { createItem as insertItem, createPhase as insertPhase, createRelease as insertRelease, createRole, createUser, testPassword } from "../support/factories";

// The authorization matrix (F20): every server action, and the API's one mutation of its own,
// with the permission it needs. A test fails when a 'use server' export is missing here. Each
// mutation is then called by every role: the roles the permission table refuses get a
// ForbiddenError and leave every table byte-for-byte as it was (checksums of all tables); the
// roles it allows get past authorization (to input validation, with nothing written). Each
// allowed call succeeding with real input is tested in the domain's own test file. Signed-out
// callers never reach a mutation: every action starts with requireViewer(), and the pages and
// the API turn them away (tests/e2e).

type Mutation = (viewer: Viewer, raw: unknown) => Promise<unknown> | unknown;

/** Action name → the mutation it runs and the permission that mutation must demand. */
const registry: Record<string, { mutation: Mutation; permission: Permission | Permission[] }> = {
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
  // The automation API's own mutation (PATCH /api/v1/releases/{id}/items/{ref}).
  "api:setItemStatus": { mutation: reportItemStatus, permission: "item:progress" },
  "api:addEvidence": { mutation: addEvidence, permission: "item:progress" },
};

/** Actions whose rule is about whose row it is, not a role: tested below one by one. */
const ownershipRules = ["openNotificationAction", "markAllReadAction", "resolveConditionAction"];

function serverActionExports(): string[] {
  const files: string[] = [];
  const walk = (directory: string) => {
    for (const entry of readdirSync(directory)) {
      const full = path.join(directory, entry);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.tsx?$/.test(entry) && /^\s*["']use server["']/.test(readFileSync(full, "utf8"))) files.push(full);
    }
  };
  walk("lib");
  walk("app");
  return files.flatMap((file) => [...readFileSync(file, "utf8").matchAll(/^export async function (\w+)/gm)].map(([, name]) => name!));
}

/** One checksum over every table: any insert, update or delete anywhere changes it. */
async function databaseChecksum(): Promise<string> {
  const tables = await db.$queryRaw<{ tablename: string }[]>`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('_prisma_migrations', 'rate_limits') ORDER BY tablename`;
  const query = tables.map(({ tablename }) => `SELECT '${tablename}' AS name, count(*)::text || ':' || coalesce(md5(string_agg(md5(t::text), '' ORDER BY md5(t::text))), '') AS sum FROM "${tablename}" t`).join(" UNION ALL ");
  const rows = await db.$queryRawUnsafe<{ name: string; sum: string }[]>(`SELECT string_agg(name || '=' || sum, ',' ORDER BY name) AS all FROM (${query}) s`);
  return (rows[0] as unknown as { all: string }).all;
}

const roles: Role[] = ["VIEWER", "APPROVER", "RELEASE_MANAGER", "ADMIN"];
const people = {} as Record<Role, Viewer>;

beforeAll(async () => {
  for (const role of roles) people[role] = await createUser(role, { withPassword: true });
  // Some rows for the checksum to cover.
  const release = await insertRelease(people.RELEASE_MANAGER.id);
  const phase = await insertPhase(release.id);
  await insertItem(phase);
});

describe("the authorization matrix", () => {
  it("lists every server action", () => {
    const exported = serverActionExports();
    expect(exported.length).toBeGreaterThan(60);
    const missing = exported.filter((name) => !(name in registry) && !ownershipRules.includes(name));
    expect(missing, "server actions missing from the registry").toEqual([]);
    const stale = Object.keys(registry).filter((name) => !name.startsWith("api:") && !exported.includes(name));
    expect(stale, "registry entries with no server action").toEqual([]);
  });

  it.each(Object.entries(registry))("%s: refused roles change nothing; allowed roles get past authorization", async (_name, { mutation, permission }) => {
    for (const role of roles) {
      const before = await databaseChecksum();
      let error: unknown = null;
      try {
        await mutation(people[role], {});
      } catch (caught) {
        error = caught;
      }
      if ([permission].flat().every((needed) => can(people[role], needed))) {
        expect(error, `${role} should get past authorization`).not.toBeInstanceOf(ForbiddenError);
        expect(error, `${role}: an empty input must be refused as invalid`).toBeInstanceOf(ValidationError);
      } else {
        expect(error, `${role} must be refused`).toBeInstanceOf(ForbiddenError);
      }
      expect(await databaseChecksum(), `${role} must leave the database unchanged`).toBe(before);
    }
  });
});

describe("rows that belong to someone, and ids from another release", () => {
  it("a notification can only be opened by the person it is for", async () => {
    const notification = await db.notification.create({
      data: { userId: people.APPROVER.id, kind: "ITEM_ASSIGNED", title: "For the approver", link: "/", dedupeKey: "matrix-test" },
      select: { id: true },
    });
    const before = await databaseChecksum();
    await expect(markNotificationRead(people.ADMIN, { id: notification.id })).rejects.toThrow(NotFoundError);
    expect(await databaseChecksum()).toBe(before);
  });

  it("a condition is met only by its owner or someone who configures sign-offs", async () => {
    const release = await insertRelease(people.RELEASE_MANAGER.id);
    const role = await createRole(release.id, [people.APPROVER]);
    const signoff = await recordSignoff(people.APPROVER, {
      requiredSignoffId: role.id, verdict: "CONDITIONAL", comment: "", evidenceReviewed: "", password: testPassword, basisRevision: "0", supersedesId: "", idempotencyKey: randomUUID(),
      conditions: [{ description: "Attach the load test", ownerId: people.APPROVER.id, dueDate: "2099-01-01" }],
    });
    const condition = await db.signoffCondition.findFirstOrThrow({ where: { signoffId: signoff.id }, select: { id: true } });
    const other = await createUser("APPROVER");
    const before = await databaseChecksum();
    for (const who of [people.VIEWER, other]) await expect(resolveCondition(who, { conditionId: condition.id, note: "" })).rejects.toThrow(ForbiddenError);
    expect(await databaseChecksum()).toBe(before);
    await resolveCondition(people.APPROVER, { conditionId: condition.id, note: "Attached" });
    expect(await databaseChecksum()).not.toBe(before);
  });

  it("an item cannot be put into another release's phase, or given its category", async () => {
    const mine = await insertRelease(people.RELEASE_MANAGER.id);
    const theirs = await insertRelease(people.RELEASE_MANAGER.id);
    const theirPhase = await insertPhase(theirs.id);
    const myPhase = await insertPhase(mine.id);
    const before = await databaseChecksum();
    const item = { title: "Sneaky", details: "", priority: "RECOMMENDED", ownerRole: "", assigneeId: "", dueDate: "", estimateMinutes: "", parentId: "" };
    await expect(createItem(people.RELEASE_MANAGER, { ...item, releaseId: mine.id, phaseId: theirPhase.id, categoryId: "" })).rejects.toThrow(NotFoundError);
    await expect(createItem(people.RELEASE_MANAGER, { ...item, releaseId: mine.id, phaseId: myPhase.id, categoryId: theirs.categories[0]!.id })).rejects.toThrow(ValidationError);
    expect(await databaseChecksum()).toBe(before);
  });
});
