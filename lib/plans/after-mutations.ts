import "server-only";
import { db, type Tx } from "@/lib/db";
import { changedFields, recordAudit } from "@/lib/audit";
import { ForbiddenError, NotFoundError, StaleVersionError } from "@/lib/errors";
import { parseInput, ValidationError } from "@/lib/form";
import { requirePermission, type Viewer } from "@/lib/permissions";
import { requireOpenRelease } from "@/lib/checklist/guards";
import { noteItemChange } from "@/lib/signoffs/staleness";
import { toInstant } from "@/lib/plans/timeline-mutations";
import {
  checkCriterionSchema,
  createCriterionSchema,
  createIncidentSchema,
  deleteRowSchema,
  incidentToItemSchema,
  recordOutcomeSchema,
  updateIncidentSchema,
} from "@/lib/plans/schemas";

// After the release (F15): incidents of the watch window, success criteria checked off, and the
// outcome. An incident can become a checklist item of another release, which links back to it.

const incidentFields = { id: true, releaseId: true, title: true, severity: true, description: true, openedAt: true, resolvedAt: true, version: true } as const;

async function incidentTimes(tx: Tx, releaseId: string, input: { openedAt: string; resolvedAt: string | null }) {
  await requireOpenRelease(tx, releaseId);
  const { timeZone } = await tx.release.findUniqueOrThrow({ where: { id: releaseId }, select: { timeZone: true } });
  const openedAt = toInstant("openedAt", "Opened at", input.openedAt, timeZone);
  const resolvedAt = input.resolvedAt ? toInstant("resolvedAt", "Resolved at", input.resolvedAt, timeZone) : null;
  if (resolvedAt && resolvedAt < openedAt) throw new ValidationError({ resolvedAt: ["An incident cannot be resolved before it was opened."] });
  return { openedAt, resolvedAt };
}

export async function createIncident(viewer: Viewer, raw: unknown) {
  requirePermission(viewer, "incident:record");
  const { releaseId, openedAt, resolvedAt, ...fields } = parseInput(createIncidentSchema, raw);
  return db.$transaction(async (tx) => {
    const times = await incidentTimes(tx, releaseId, { openedAt, resolvedAt });
    const incident = await tx.incident.create({ data: { releaseId, ...fields, ...times }, select: incidentFields });
    await recordAudit(tx, { actorId: viewer.id, releaseId, action: "incident.created", entityType: "incident", entityId: incident.id, after: incident });
    return incident;
  });
}

async function loadIncident(tx: Tx, id: string) {
  const incident = await tx.incident.findUnique({ where: { id }, select: incidentFields });
  if (!incident) throw new NotFoundError("That incident no longer exists.");
  return incident;
}

export async function updateIncident(viewer: Viewer, raw: unknown) {
  requirePermission(viewer, "incident:record");
  const { id, version, openedAt, resolvedAt, ...fields } = parseInput(updateIncidentSchema, raw);
  return db.$transaction(async (tx) => {
    const before = await loadIncident(tx, id);
    if (before.version !== version) throw new StaleVersionError(before);
    const changes = { ...fields, ...(await incidentTimes(tx, before.releaseId, { openedAt, resolvedAt })) };
    const { count } = await tx.incident.updateMany({ where: { id, version }, data: { ...changes, version: { increment: 1 } } });
    if (count === 0) throw new StaleVersionError(before);
    const diff = changedFields(before, changes);
    await recordAudit(tx, { actorId: viewer.id, releaseId: before.releaseId, action: "incident.updated", entityType: "incident", entityId: id, before: diff.before, after: diff.after });
    return { id, releaseId: before.releaseId };
  });
}

/** A follow-up checklist item in an open release's phase, linked back to the incident. */
export async function createItemFromIncident(viewer: Viewer, raw: unknown) {
  requirePermission(viewer, "incident:record");
  requirePermission(viewer, "checklist:edit");
  const { incidentId, phaseId, priority } = parseInput(incidentToItemSchema, raw);
  return db.$transaction(async (tx) => {
    const incident = await loadIncident(tx, incidentId);
    const phase = await tx.phase.findUnique({ where: { id: phaseId }, select: { id: true, releaseId: true } });
    if (!phase) throw new NotFoundError("That phase no longer exists.");
    await requireOpenRelease(tx, phase.releaseId);
    const last = await tx.item.aggregate({ where: { phaseId, parentId: null }, _max: { position: true } });
    const details = `Follow-up of ${incident.severity} incident “${incident.title}” opened ${incident.openedAt.toISOString().slice(0, 16).replace("T", " ")} UTC.${incident.description ? `\n\n${incident.description}` : ""}`;
    const item = await tx.item.create({
      data: {
        releaseId: phase.releaseId,
        phaseId,
        title: `Follow-up: ${incident.title}`.slice(0, 200),
        details: details.slice(0, 10_000),
        priority,
        sourceIncidentId: incident.id,
        position: (last._max.position ?? -1) + 1,
        lastChangedById: viewer.id,
      },
      select: { id: true, releaseId: true, title: true, status: true, priority: true, parentId: true, phaseId: true },
    });
    await recordAudit(tx, { actorId: viewer.id, releaseId: item.releaseId, action: "item.created", entityType: "item", entityId: item.id, after: { ...item, sourceIncidentId: incident.id } });
    if (incident.releaseId !== item.releaseId) {
      await recordAudit(tx, { actorId: viewer.id, releaseId: incident.releaseId, action: "incident.follow_up_created", entityType: "incident", entityId: incident.id, after: { itemId: item.id, releaseId: item.releaseId } });
    }
    await noteItemChange(tx, item, null, item, viewer.id);
    return { releaseId: item.releaseId, itemId: item.id, incidentReleaseId: incident.releaseId };
  });
}

export async function createCriterion(viewer: Viewer, raw: unknown) {
  requirePermission(viewer, "plan:edit");
  const input = parseInput(createCriterionSchema, raw);
  return db.$transaction(async (tx) => {
    await requireOpenRelease(tx, input.releaseId);
    const position = await tx.successCriterion.count({ where: { releaseId: input.releaseId } });
    const criterion = await tx.successCriterion.create({ data: { ...input, position }, select: { id: true, releaseId: true, title: true, level: true } });
    await recordAudit(tx, { actorId: viewer.id, releaseId: input.releaseId, action: "success_criterion.created", entityType: "success_criterion", entityId: criterion.id, after: criterion });
    return criterion;
  });
}

async function loadCriterion(tx: Tx, id: string) {
  const criterion = await tx.successCriterion.findUnique({ where: { id }, select: { id: true, releaseId: true, title: true, isMet: true, version: true } });
  if (!criterion) throw new NotFoundError("That success criterion no longer exists.");
  await requireOpenRelease(tx, criterion.releaseId);
  return criterion;
}

export async function checkCriterion(viewer: Viewer, raw: unknown) {
  requirePermission(viewer, "plan:edit");
  const { id, version, isMet } = parseInput(checkCriterionSchema, raw);
  const met = isMet === "yes";
  return db.$transaction(async (tx) => {
    const before = await loadCriterion(tx, id);
    const { count } = await tx.successCriterion.updateMany({
      where: { id, version },
      data: { isMet: met, checkedAt: met ? new Date() : null, checkedById: met ? viewer.id : null, version: { increment: 1 } },
    });
    if (count === 0) throw new StaleVersionError(before);
    await recordAudit(tx, { actorId: viewer.id, releaseId: before.releaseId, action: met ? "success_criterion.met" : "success_criterion.unmet", entityType: "success_criterion", entityId: id, before: { isMet: before.isMet }, after: { isMet: met } });
    return { id, releaseId: before.releaseId };
  });
}

export async function deleteCriterion(viewer: Viewer, raw: unknown) {
  requirePermission(viewer, "plan:edit");
  const { id, version } = parseInput(deleteRowSchema, raw);
  return db.$transaction(async (tx) => {
    const before = await loadCriterion(tx, id);
    const { count } = await tx.successCriterion.deleteMany({ where: { id, version } });
    if (count === 0) throw new StaleVersionError(before);
    await recordAudit(tx, { actorId: viewer.id, releaseId: before.releaseId, action: "success_criterion.deleted", entityType: "success_criterion", entityId: id, before });
    return { id, releaseId: before.releaseId };
  });
}

/** The release manager's verdict once the release is out: successful, with issues, or rolled back. */
export async function recordOutcome(viewer: Viewer, raw: unknown) {
  requirePermission(viewer, "plan:edit");
  const { id, version, outcome, outcomeNote, watchDays } = parseInput(recordOutcomeSchema, raw);
  return db.$transaction(async (tx) => {
    const before = await tx.release.findUnique({ where: { id }, select: { status: true, outcome: true, outcomeNote: true, watchDays: true, version: true, archivedAt: true } });
    if (!before) throw new NotFoundError("That release does not exist.");
    if (before.archivedAt) throw new ForbiddenError("This release is archived and can no longer be edited.");
    if (before.status !== "RELEASED" && before.status !== "ROLLED_BACK") {
      throw new ValidationError({ outcome: ["Mark the release Released (or Rolled back) in its settings first; the outcome follows the release."] });
    }
    const { count } = await tx.release.updateMany({ where: { id, version }, data: { outcome, outcomeNote, watchDays, version: { increment: 1 } } });
    if (count === 0) throw new StaleVersionError(before);
    await recordAudit(tx, { actorId: viewer.id, releaseId: id, action: "release.outcome_recorded", entityType: "release", entityId: id, before: { outcome: before.outcome, outcomeNote: before.outcomeNote, watchDays: before.watchDays }, after: { outcome, outcomeNote, watchDays } });
    return { releaseId: id };
  });
}
