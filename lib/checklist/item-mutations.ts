import "server-only";
import { db, type Tx } from "@/lib/db";
import { changedFields, recordAudit } from "@/lib/audit";
import { NotFoundError, StaleVersionError } from "@/lib/errors";
import { parseInput, ValidationError } from "@/lib/form";
import { requirePermission, type Viewer } from "@/lib/permissions";
import { itemAuditFields, loadItem, requireOpenRelease } from "@/lib/checklist/guards";
import { createItemSchema, deleteRowSchema, moveSchema, updateItemSchema } from "@/lib/checklist/schemas";
import { swapPositions } from "@/lib/checklist/ordering";
import { noteItemChange } from "@/lib/signoffs/staleness";
import { notifyItemAssigned } from "@/lib/notifications/events";

/** Category and assignee must belong to this release and be an active user; a guessed id is refused. */
async function checkReferences(tx: Tx, releaseId: string, refs: { categoryId: string | null; assigneeId: string | null; automationKey: string | null }, itemId?: string) {
  if (refs.automationKey) {
    const taken = await tx.item.findFirst({ where: { releaseId, automationKey: refs.automationKey, ...(itemId ? { id: { not: itemId } } : {}) }, select: { id: true } });
    if (taken) throw new ValidationError({ automationKey: ["Another item of this release has this automation key."] });
  }
  if (refs.categoryId) {
    const category = await tx.readinessCategory.findFirst({ where: { id: refs.categoryId, releaseId }, select: { id: true } });
    if (!category) throw new ValidationError({ categoryId: ["Choose one of this release's categories."] });
  }
  if (refs.assigneeId) {
    const user = await tx.user.findFirst({ where: { id: refs.assigneeId, disabledAt: null }, select: { id: true } });
    if (!user) throw new ValidationError({ assigneeId: ["Choose an active user as the assignee."] });
  }
}

export async function createItem(viewer: Viewer, raw: unknown) {
  requirePermission(viewer, "checklist:edit");
  const input = parseInput(createItemSchema, raw);
  return db.$transaction(async (tx) => {
    await requireOpenRelease(tx, input.releaseId);
    const phase = await tx.phase.findFirst({ where: { id: input.phaseId, releaseId: input.releaseId }, select: { id: true } });
    if (!phase) throw new NotFoundError("That phase is not part of this release.");
    if (input.parentId) {
      const parent = await tx.item.findFirst({
        where: { id: input.parentId, phaseId: input.phaseId },
        select: { parentId: true },
      });
      if (!parent) throw new NotFoundError("The parent item is not part of this phase.");
      if (parent.parentId) throw new ValidationError({ parentId: ["Sub-items go one level deep."] });
    }
    await checkReferences(tx, input.releaseId, input);
    const last = await tx.item.aggregate({
      where: { phaseId: input.phaseId, parentId: input.parentId },
      _max: { position: true },
    });
    const item = await tx.item.create({
      data: { ...input, position: (last._max.position ?? -1) + 1, lastChangedById: viewer.id },
      select: itemAuditFields,
    });
    await recordAudit(tx, {
      actorId: viewer.id,
      releaseId: item.releaseId,
      action: item.parentId ? "subitem.created" : "item.created",
      entityType: "item",
      entityId: item.id,
      after: item,
    });
    await noteItemChange(tx, item, null, item, viewer.id);
    if (item.assigneeId) await notifyItemAssigned(tx, item, item.assigneeId, viewer.id);
    return item;
  });
}

export async function updateItem(viewer: Viewer, raw: unknown) {
  requirePermission(viewer, "checklist:edit");
  const { id, version, ...changes } = parseInput(updateItemSchema, raw);
  return db.$transaction(async (tx) => {
    const before = await loadItem(tx, id);
    if (before.version !== version) throw new StaleVersionError(before);
    await checkReferences(tx, before.releaseId, changes, id);
    const { count } = await tx.item.updateMany({
      where: { id, version },
      data: { ...changes, lastChangedById: viewer.id, version: { increment: 1 } },
    });
    if (count === 0) throw new StaleVersionError(before);
    const diff = changedFields(before, changes);
    await recordAudit(tx, {
      actorId: viewer.id,
      releaseId: before.releaseId,
      action: "item.updated",
      entityType: "item",
      entityId: id,
      before: diff.before,
      after: diff.after,
    });
    await noteItemChange(tx, { ...before, title: changes.title }, before, { status: before.status, priority: changes.priority }, viewer.id);
    if (changes.assigneeId && changes.assigneeId !== before.assigneeId) {
      await notifyItemAssigned(tx, { id, releaseId: before.releaseId, title: changes.title, version: version + 1 }, changes.assigneeId, viewer.id);
    }
    return { id, releaseId: before.releaseId };
  });
}

export async function deleteItem(viewer: Viewer, raw: unknown) {
  requirePermission(viewer, "checklist:edit");
  const { id, version } = parseInput(deleteRowSchema, raw);
  return db.$transaction(async (tx) => {
    const before = await loadItem(tx, id);
    if (before.version !== version) throw new StaleVersionError(before);
    const subItems = await tx.item.findMany({ where: { parentId: id }, select: { id: true, title: true, status: true } });
    await tx.item.delete({ where: { id } });
    await recordAudit(tx, {
      actorId: viewer.id,
      releaseId: before.releaseId,
      action: "item.deleted",
      entityType: "item",
      entityId: id,
      before: { ...before, subItems },
    });
    await noteItemChange(tx, before, before, null, viewer.id);
    return { id, releaseId: before.releaseId, phaseId: before.phaseId, parentId: before.parentId };
  });
}

export async function moveItem(viewer: Viewer, raw: unknown) {
  requirePermission(viewer, "checklist:edit");
  const { id, direction } = parseInput(moveSchema, raw);
  return db.$transaction(async (tx) => {
    const item = await loadItem(tx, id);
    const siblings = await tx.item.findMany({
      where: { phaseId: item.phaseId, parentId: item.parentId },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }],
      select: { id: true, position: true },
    });
    const moved = await swapPositions(siblings, id, direction, (rowId, position) =>
      tx.item.update({ where: { id: rowId }, data: { position, version: { increment: 1 } } }),
    );
    if (moved) {
      await recordAudit(tx, {
        actorId: viewer.id,
        releaseId: item.releaseId,
        action: "item.moved",
        entityType: "item",
        entityId: id,
        before: { position: moved.from },
        after: { position: moved.to },
      });
    }
    return { id, releaseId: item.releaseId };
  });
}
