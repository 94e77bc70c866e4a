import "server-only";
import { db } from "@/lib/db";
import { changedFields, recordAudit } from "@/lib/audit";
import { StaleVersionError } from "@/lib/errors";
import { parseInput } from "@/lib/form";
import { requirePermission, type Viewer } from "@/lib/permissions";
import { loadPhase, requireOpenRelease } from "@/lib/checklist/guards";
import { createPhaseSchema, deleteRowSchema, moveSchema, updatePhaseSchema } from "@/lib/checklist/schemas";
import { swapPositions } from "@/lib/checklist/ordering";

export async function createPhase(viewer: Viewer, raw: unknown) {
  requirePermission(viewer, "checklist:edit");
  const input = parseInput(createPhaseSchema, raw);
  return db.$transaction(async (tx) => {
    await requireOpenRelease(tx, input.releaseId);
    const last = await tx.phase.aggregate({ where: { releaseId: input.releaseId }, _max: { position: true } });
    const phase = await tx.phase.create({
      data: { ...input, position: (last._max.position ?? -1) + 1 },
      select: { id: true, releaseId: true, name: true, description: true, position: true },
    });
    await recordAudit(tx, {
      actorId: viewer.id,
      releaseId: phase.releaseId,
      action: "phase.created",
      entityType: "phase",
      entityId: phase.id,
      after: phase,
    });
    return phase;
  });
}

export async function updatePhase(viewer: Viewer, raw: unknown) {
  requirePermission(viewer, "checklist:edit");
  const { id, version, ...changes } = parseInput(updatePhaseSchema, raw);
  return db.$transaction(async (tx) => {
    const before = await loadPhase(tx, id);
    const { count } = await tx.phase.updateMany({ where: { id, version }, data: { ...changes, version: { increment: 1 } } });
    if (count === 0) throw new StaleVersionError(before);
    const diff = changedFields(before, changes);
    await recordAudit(tx, {
      actorId: viewer.id,
      releaseId: before.releaseId,
      action: "phase.updated",
      entityType: "phase",
      entityId: id,
      before: diff.before,
      after: diff.after,
    });
    return { id, releaseId: before.releaseId };
  });
}

export async function deletePhase(viewer: Viewer, raw: unknown) {
  requirePermission(viewer, "checklist:edit");
  const { id, version } = parseInput(deleteRowSchema, raw);
  return db.$transaction(async (tx) => {
    const before = await loadPhase(tx, id);
    if (before.version !== version) throw new StaleVersionError(before);
    const items = await tx.item.count({ where: { phaseId: id } });
    await tx.phase.delete({ where: { id } });
    await recordAudit(tx, {
      actorId: viewer.id,
      releaseId: before.releaseId,
      action: "phase.deleted",
      entityType: "phase",
      entityId: id,
      before: { ...before, itemCount: items },
    });
    return { id, releaseId: before.releaseId };
  });
}

export async function movePhase(viewer: Viewer, raw: unknown) {
  requirePermission(viewer, "checklist:edit");
  const { id, direction } = parseInput(moveSchema, raw);
  return db.$transaction(async (tx) => {
    const phase = await loadPhase(tx, id);
    const siblings = await tx.phase.findMany({
      where: { releaseId: phase.releaseId },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }],
      select: { id: true, position: true },
    });
    const moved = await swapPositions(siblings, id, direction, (rowId, position) =>
      tx.phase.update({ where: { id: rowId }, data: { position, version: { increment: 1 } } }),
    );
    if (moved) {
      await recordAudit(tx, {
        actorId: viewer.id,
        releaseId: phase.releaseId,
        action: "phase.moved",
        entityType: "phase",
        entityId: id,
        before: { position: moved.from },
        after: { position: moved.to },
      });
    }
    return { id, releaseId: phase.releaseId };
  });
}
