import "server-only";
import { emitWebhookEvent } from "@/lib/webhooks/emit";
import { db } from "@/lib/db";
import { recordAudit, changedFields } from "@/lib/audit";
import { NotFoundError, StaleVersionError, ForbiddenError } from "@/lib/errors";
import { parseInput, ValidationError } from "@/lib/form";
import { requirePermission, type Viewer } from "@/lib/permissions";
import { defaultCategories } from "@/lib/releases/defaults";
import { archiveReleaseSchema, createReleaseSchema, updateReleaseSchema } from "@/lib/releases/schemas";

// Release writes (F1). Each: permission, zod parse, one transaction with its audit event.


const auditedFields = {
  id: true,
  name: true,
  versionName: true,
  description: true,
  targetDate: true,
  status: true,
  ownerId: true,
  archivedAt: true,
  version: true,
} as const;

export async function createRelease(viewer: Viewer, raw: unknown) {
  requirePermission(viewer, "release:create");
  const input = parseInput(createReleaseSchema, raw);
  return db.$transaction(async (tx) => {
    const release = await tx.release.create({
      data: {
        ...input,
        ownerId: viewer.id,
        categories: { create: defaultCategories.map((category, position) => ({ ...category, position })) },
      },
      select: auditedFields,
    });
    await recordAudit(tx, {
      actorId: viewer.id,
      releaseId: release.id,
      action: "release.created",
      entityType: "release",
      entityId: release.id,
      after: release,
    });
    return release;
  });
}

export async function updateRelease(viewer: Viewer, raw: unknown) {
  requirePermission(viewer, "release:edit");
  const { id, version, targetDateReason, ...changes } = parseInput(updateReleaseSchema, raw);
  return db.$transaction(async (tx) => {
    const before = await tx.release.findUnique({ where: { id }, select: auditedFields });
    if (!before) throw new NotFoundError("That release does not exist.");
    if (before.archivedAt) throw new ForbiddenError("This release is archived and can no longer be edited.");
    if (before.version !== version) throw new StaleVersionError(before);

    if (changes.status !== before.status && (changes.status === "GO" || changes.status === "NO_GO")) {
      throw new ValidationError({ status: ["GO and NO-GO are set by recording a go/no-go decision."] });
    }
    const owner = await tx.user.findFirst({
      where: { id: changes.ownerId, disabledAt: null, role: { in: ["ADMIN", "RELEASE_MANAGER"] } },
      select: { id: true },
    });
    if (!owner) throw new ValidationError({ ownerId: ["Choose an active release manager or admin as the owner."] });

    const isTargetMoved = before.targetDate.getTime() !== changes.targetDate.getTime();
    if (isTargetMoved && !targetDateReason) {
      throw new ValidationError({ targetDateReason: ["Say why the target date moves; it is kept in the release's history."] });
    }

    // The watch window (F15) starts when the release is marked Released.
    const releasedAt = changes.status === "RELEASED" && before.status !== "RELEASED" ? { releasedAt: new Date() } : {};
    const { count } = await tx.release.updateMany({
      where: { id, version },
      data: { ...changes, ...releasedAt, version: { increment: 1 } },
    });
    if (count === 0) throw new StaleVersionError(before);
    if (isTargetMoved) {
      await tx.targetDateChange.create({
        data: { releaseId: id, fromDate: before.targetDate, toDate: changes.targetDate, reason: targetDateReason, changedById: viewer.id },
      });
    }
    const diff = changedFields(before, changes);
    await recordAudit(tx, {
      actorId: viewer.id,
      releaseId: id,
      action: "release.updated",
      entityType: "release",
      entityId: id,
      before: diff.before,
      after: isTargetMoved ? { ...diff.after, targetDateReason } : diff.after,
    });
    if (changes.status !== before.status) {
      await emitWebhookEvent(tx, { type: "release.status_changed", releaseId: id, data: { from: before.status, to: changes.status, cause: "edit" } });
    }
    return { id };
  });
}

export async function archiveRelease(viewer: Viewer, raw: unknown) {
  requirePermission(viewer, "release:archive");
  const { id, version } = parseInput(archiveReleaseSchema, raw);
  return db.$transaction(async (tx) => {
    const before = await tx.release.findUnique({ where: { id }, select: auditedFields });
    if (!before) throw new NotFoundError("That release does not exist.");
    const archivedAt = before.archivedAt ? null : new Date();
    const { count } = await tx.release.updateMany({
      where: { id, version },
      data: { archivedAt, version: { increment: 1 } },
    });
    if (count === 0) throw new StaleVersionError(before);
    await recordAudit(tx, {
      actorId: viewer.id,
      releaseId: id,
      action: archivedAt ? "release.archived" : "release.restored",
      entityType: "release",
      entityId: id,
      before: { archivedAt: before.archivedAt },
      after: { archivedAt },
    });
    return { id, archivedAt };
  });
}
