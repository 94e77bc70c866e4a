import "server-only";
import { db, type Tx } from "@/lib/db";
import { changedFields, recordAudit } from "@/lib/audit";
import { ForbiddenError, NotFoundError, StaleVersionError } from "@/lib/errors";
import { parseInput, ValidationError } from "@/lib/form";
import { requirePermission, type Viewer } from "@/lib/permissions";
import { requireOpenRelease } from "@/lib/checklist/guards";
import { isTimeZone, localToInstant } from "@/lib/plans/time";
import {
  createDeploymentStepSchema,
  createMilestoneSchema,
  deleteRowSchema,
  updateDeploymentStepSchema,
  updateMilestoneSchema,
  updateTimeZoneSchema,
} from "@/lib/plans/schemas";

// The timeline (F14): milestones, the deployment-day schedule in the release's time zone, and
// the time zone itself. Target-date changes go through the release's settings, which keep the
// history of every move.

const milestoneFields = { id: true, releaseId: true, title: true, dueAt: true, ownerId: true, status: true, version: true } as const;
const stepFields = { id: true, releaseId: true, title: true, ownerRole: true, startsAt: true, endsAt: true, version: true } as const;

async function checkOwner(tx: Tx, ownerId: string | null) {
  if (!ownerId) return;
  if (!(await tx.user.findFirst({ where: { id: ownerId, disabledAt: null }, select: { id: true } }))) {
    throw new ValidationError({ ownerId: ["Choose an active user as the owner."] });
  }
}

/** Reads a wall-clock time in `zone`, or names the field that cannot be read. */
export function toInstant(field: string, label: string, local: string, zone: string): Date {
  const result = localToInstant(local, zone);
  if (!result.ok) throw new ValidationError({ [field]: [`${label} ${result.reason}.`] });
  return result.instant;
}

function stepTimes(input: { startsAt: string; endsAt: string }, zone: string) {
  const startsAt = toInstant("startsAt", "Start", input.startsAt, zone);
  const endsAt = toInstant("endsAt", "End", input.endsAt, zone);
  if (endsAt < startsAt) throw new ValidationError({ endsAt: ["A step cannot end before it starts."] });
  return { startsAt, endsAt };
}

async function releaseZone(tx: Tx, releaseId: string) {
  await requireOpenRelease(tx, releaseId);
  return (await tx.release.findUniqueOrThrow({ where: { id: releaseId }, select: { timeZone: true } })).timeZone;
}

export async function createMilestone(viewer: Viewer, raw: unknown) {
  requirePermission(viewer, "plan:edit");
  const input = parseInput(createMilestoneSchema, raw);
  return db.$transaction(async (tx) => {
    await requireOpenRelease(tx, input.releaseId);
    await checkOwner(tx, input.ownerId);
    const milestone = await tx.milestone.create({ data: input, select: milestoneFields });
    await recordAudit(tx, { actorId: viewer.id, releaseId: input.releaseId, action: "milestone.created", entityType: "milestone", entityId: milestone.id, after: milestone });
    return milestone;
  });
}

async function loadMilestone(tx: Tx, id: string) {
  const milestone = await tx.milestone.findUnique({ where: { id }, select: milestoneFields });
  if (!milestone) throw new NotFoundError("That milestone no longer exists.");
  await requireOpenRelease(tx, milestone.releaseId);
  return milestone;
}

export async function updateMilestone(viewer: Viewer, raw: unknown) {
  requirePermission(viewer, "plan:edit");
  const { id, version, ...changes } = parseInput(updateMilestoneSchema, raw);
  return db.$transaction(async (tx) => {
    const before = await loadMilestone(tx, id);
    if (before.version !== version) throw new StaleVersionError(before);
    await checkOwner(tx, changes.ownerId);
    const { count } = await tx.milestone.updateMany({ where: { id, version }, data: { ...changes, version: { increment: 1 } } });
    if (count === 0) throw new StaleVersionError(before);
    const diff = changedFields(before, changes);
    await recordAudit(tx, { actorId: viewer.id, releaseId: before.releaseId, action: "milestone.updated", entityType: "milestone", entityId: id, before: diff.before, after: diff.after });
    return { id, releaseId: before.releaseId };
  });
}

export async function deleteMilestone(viewer: Viewer, raw: unknown) {
  requirePermission(viewer, "plan:edit");
  const { id, version } = parseInput(deleteRowSchema, raw);
  return db.$transaction(async (tx) => {
    const before = await loadMilestone(tx, id);
    const { count } = await tx.milestone.deleteMany({ where: { id, version } });
    if (count === 0) throw new StaleVersionError(before);
    await recordAudit(tx, { actorId: viewer.id, releaseId: before.releaseId, action: "milestone.deleted", entityType: "milestone", entityId: id, before });
    return { id, releaseId: before.releaseId };
  });
}

export async function createDeploymentStep(viewer: Viewer, raw: unknown) {
  requirePermission(viewer, "plan:edit");
  const { releaseId, startsAt, endsAt, ...fields } = parseInput(createDeploymentStepSchema, raw);
  return db.$transaction(async (tx) => {
    const zone = await releaseZone(tx, releaseId);
    const step = await tx.deploymentStep.create({ data: { releaseId, ...fields, ...stepTimes({ startsAt, endsAt }, zone) }, select: stepFields });
    await recordAudit(tx, { actorId: viewer.id, releaseId, action: "deployment_step.created", entityType: "deployment_step", entityId: step.id, after: step });
    return step;
  });
}

async function loadStep(tx: Tx, id: string) {
  const step = await tx.deploymentStep.findUnique({ where: { id }, select: stepFields });
  if (!step) throw new NotFoundError("That deployment step no longer exists.");
  return { step, zone: await releaseZone(tx, step.releaseId) };
}

export async function updateDeploymentStep(viewer: Viewer, raw: unknown) {
  requirePermission(viewer, "plan:edit");
  const { id, version, startsAt, endsAt, ...fields } = parseInput(updateDeploymentStepSchema, raw);
  return db.$transaction(async (tx) => {
    const { step: before, zone } = await loadStep(tx, id);
    if (before.version !== version) throw new StaleVersionError(before);
    const changes = { ...fields, ...stepTimes({ startsAt, endsAt }, zone) };
    const { count } = await tx.deploymentStep.updateMany({ where: { id, version }, data: { ...changes, version: { increment: 1 } } });
    if (count === 0) throw new StaleVersionError(before);
    const diff = changedFields(before, changes);
    await recordAudit(tx, { actorId: viewer.id, releaseId: before.releaseId, action: "deployment_step.updated", entityType: "deployment_step", entityId: id, before: diff.before, after: diff.after });
    return { id, releaseId: before.releaseId };
  });
}

export async function deleteDeploymentStep(viewer: Viewer, raw: unknown) {
  requirePermission(viewer, "plan:edit");
  const { id, version } = parseInput(deleteRowSchema, raw);
  return db.$transaction(async (tx) => {
    const { step: before } = await loadStep(tx, id);
    const { count } = await tx.deploymentStep.deleteMany({ where: { id, version } });
    if (count === 0) throw new StaleVersionError(before);
    await recordAudit(tx, { actorId: viewer.id, releaseId: before.releaseId, action: "deployment_step.deleted", entityType: "deployment_step", entityId: id, before });
    return { id, releaseId: before.releaseId };
  });
}

/** The deployment's time zone: schedule times stay the same instants and are shown in the new zone. */
export async function updateReleaseTimeZone(viewer: Viewer, raw: unknown) {
  requirePermission(viewer, "plan:edit");
  const { id, version, timeZone } = parseInput(updateTimeZoneSchema, raw);
  if (!isTimeZone(timeZone)) throw new ValidationError({ timeZone: [`“${timeZone}” is not a time zone; use a name such as Europe/Berlin or America/New_York.`] });
  return db.$transaction(async (tx) => {
    const release = await tx.release.findUnique({ where: { id }, select: { timeZone: true, version: true, archivedAt: true } });
    if (!release) throw new NotFoundError("That release does not exist.");
    if (release.archivedAt) throw new ForbiddenError("This release is archived and can no longer be edited.");
    const { count } = await tx.release.updateMany({ where: { id, version }, data: { timeZone, version: { increment: 1 } } });
    if (count === 0) throw new StaleVersionError(release);
    await recordAudit(tx, { actorId: viewer.id, releaseId: id, action: "release.time_zone_changed", entityType: "release", entityId: id, before: { timeZone: release.timeZone }, after: { timeZone } });
    return { releaseId: id };
  });
}
