import "server-only";
import { db, type Tx } from "@/lib/db";
import { changedFields, recordAudit } from "@/lib/audit";
import { NotFoundError, StaleVersionError } from "@/lib/errors";
import { parseInput, ValidationError } from "@/lib/form";
import { requirePermission, type Viewer } from "@/lib/permissions";
import { isTimeZone } from "@/lib/plans/time";
import { toInstant } from "@/lib/plans/timeline-mutations";
import { createFreezeWindowSchema, deleteRowSchema, updateFreezeWindowSchema } from "@/lib/plans/schemas";

// Freeze windows (F14), kept by admins for every release. Audited with no release.

const windowFields = { id: true, name: true, reason: true, startsAt: true, endsAt: true, timeZone: true, version: true } as const;

function windowTimes(input: { startsAt: string; endsAt: string; timeZone: string }) {
  if (!isTimeZone(input.timeZone)) throw new ValidationError({ timeZone: [`“${input.timeZone}” is not a time zone; use a name such as Europe/Berlin.`] });
  const startsAt = toInstant("startsAt", "Start", input.startsAt, input.timeZone);
  const endsAt = toInstant("endsAt", "End", input.endsAt, input.timeZone);
  if (endsAt <= startsAt) throw new ValidationError({ endsAt: ["A freeze window must end after it starts."] });
  return { startsAt, endsAt };
}

export async function createFreezeWindow(viewer: Viewer, raw: unknown) {
  requirePermission(viewer, "freeze:manage");
  const input = parseInput(createFreezeWindowSchema, raw);
  const times = windowTimes(input);
  return db.$transaction(async (tx) => {
    const window = await tx.freezeWindow.create({ data: { ...input, ...times, createdById: viewer.id }, select: windowFields });
    await recordAudit(tx, { actorId: viewer.id, action: "freeze_window.created", entityType: "freeze_window", entityId: window.id, after: window });
    return window;
  });
}

async function loadWindow(tx: Tx, id: string) {
  const window = await tx.freezeWindow.findUnique({ where: { id }, select: windowFields });
  if (!window) throw new NotFoundError("That freeze window no longer exists.");
  return window;
}

export async function updateFreezeWindow(viewer: Viewer, raw: unknown) {
  requirePermission(viewer, "freeze:manage");
  const { id, version, ...input } = parseInput(updateFreezeWindowSchema, raw);
  const changes = { name: input.name, reason: input.reason, timeZone: input.timeZone, ...windowTimes(input) };
  return db.$transaction(async (tx) => {
    const before = await loadWindow(tx, id);
    const { count } = await tx.freezeWindow.updateMany({ where: { id, version }, data: { ...changes, version: { increment: 1 } } });
    if (count === 0) throw new StaleVersionError(before);
    const diff = changedFields(before, changes);
    await recordAudit(tx, { actorId: viewer.id, action: "freeze_window.updated", entityType: "freeze_window", entityId: id, before: diff.before, after: diff.after });
    return { id };
  });
}

export async function deleteFreezeWindow(viewer: Viewer, raw: unknown) {
  requirePermission(viewer, "freeze:manage");
  const { id, version } = parseInput(deleteRowSchema, raw);
  return db.$transaction(async (tx) => {
    const before = await loadWindow(tx, id);
    const { count } = await tx.freezeWindow.deleteMany({ where: { id, version } });
    if (count === 0) throw new StaleVersionError(before);
    await recordAudit(tx, { actorId: viewer.id, action: "freeze_window.deleted", entityType: "freeze_window", entityId: id, before });
    return { id };
  });
}
