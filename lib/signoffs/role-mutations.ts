import "server-only";
import { db, type Tx } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { NotFoundError, StaleVersionError } from "@/lib/errors";
import { parseInput, ValidationError } from "@/lib/form";
import { requirePermission, type Viewer } from "@/lib/permissions";
import { requireOpenRelease } from "@/lib/checklist/guards";
import { createRoleSchema, removeRoleSchema, updateRoleSchema } from "@/lib/signoffs/schemas";
import { notifySignoffRequested } from "@/lib/notifications/events";

// Required sign-off roles (F7). Changing a role's name or what it must review resets the
// approvals already given for it (its requirements version moves on); changing who is
// assigned or how many must approve does not, but only assigned users' sign-offs count.

const roleFields = {
  id: true,
  releaseId: true,
  roleName: true,
  evidenceToReview: true,
  requiredApprovals: true,
  requirementsVersion: true,
  version: true,
  removedAt: true,
  assignees: { select: { userId: true } },
} as const;

/** Assignees must be active users who may sign: approvers, release managers or admins. */
async function checkAssignees(tx: Tx, assigneeIds: string[]) {
  const found = await tx.user.count({
    where: { id: { in: assigneeIds }, disabledAt: null, role: { in: ["APPROVER", "RELEASE_MANAGER", "ADMIN"] } },
  });
  if (found !== assigneeIds.length) {
    throw new ValidationError({ assigneeIds: ["Assign active approvers, release managers or admins only."] });
  }
}

async function loadRole(tx: Tx, id: string) {
  const role = await tx.requiredSignoff.findUnique({ where: { id }, select: roleFields });
  if (!role || role.removedAt) throw new NotFoundError("That sign-off role no longer exists.");
  await requireOpenRelease(tx, role.releaseId);
  return { ...role, assigneeIds: role.assignees.map((assignee) => assignee.userId).sort() };
}

async function countResetSignoffs(tx: Tx, requiredSignoffId: string) {
  return tx.signoff.count({ where: { requiredSignoffId, supersededBy: null } });
}

export async function createRequiredSignoff(viewer: Viewer, raw: unknown) {
  requirePermission(viewer, "signoff:configure");
  const { releaseId, assigneeIds, ...fields } = parseInput(createRoleSchema, raw);
  return db.$transaction(async (tx) => {
    await requireOpenRelease(tx, releaseId);
    await checkAssignees(tx, assigneeIds);
    const existing = await tx.requiredSignoff.findUnique({
      where: { releaseId_roleName: { releaseId, roleName: fields.roleName } },
      select: { id: true, removedAt: true, requirementsVersion: true },
    });
    if (existing && !existing.removedAt) throw new ValidationError({ roleName: ["This release already requires that role."] });
    const position = await tx.requiredSignoff.count({ where: { releaseId } });
    // A role removed earlier comes back as a new requirement: its old sign-offs are reset.
    const role = existing
      ? await tx.requiredSignoff.update({
          where: { id: existing.id },
          data: { ...fields, removedAt: null, position, requirementsVersion: { increment: 1 }, version: { increment: 1 } },
          select: { id: true },
        })
      : await tx.requiredSignoff.create({ data: { releaseId, ...fields, position }, select: { id: true } });
    const current = await tx.requiredSignoff.findUniqueOrThrow({ where: { id: role.id }, select: { requirementsVersion: true, release: { select: { name: true } } } });
    await tx.requiredSignoffAssignee.deleteMany({ where: { requiredSignoffId: role.id } });
    await tx.requiredSignoffAssignee.createMany({ data: assigneeIds.map((userId) => ({ requiredSignoffId: role.id, userId })) });
    await recordAudit(tx, {
      actorId: viewer.id,
      releaseId,
      action: existing ? "signoff_role.restored" : "signoff_role.created",
      entityType: "required_signoff",
      entityId: role.id,
      after: { ...fields, assigneeIds },
    });
    await notifySignoffRequested(tx, { id: releaseId, name: current.release.name }, { id: role.id, roleName: fields.roleName, requirementsVersion: current.requirementsVersion }, assigneeIds, viewer.id);
    return { id: role.id, releaseId };
  });
}

export async function updateRequiredSignoff(viewer: Viewer, raw: unknown) {
  requirePermission(viewer, "signoff:configure");
  const { id, version, assigneeIds, ...fields } = parseInput(updateRoleSchema, raw);
  return db.$transaction(async (tx) => {
    const before = await loadRole(tx, id);
    if (before.version !== version) throw new StaleVersionError(before);
    await checkAssignees(tx, assigneeIds);
    if (fields.roleName !== before.roleName) {
      const clash = await tx.requiredSignoff.findUnique({
        where: { releaseId_roleName: { releaseId: before.releaseId, roleName: fields.roleName } },
        select: { id: true },
      });
      if (clash) throw new ValidationError({ roleName: ["Another role of this release already has that name."] });
    }
    const isReset = fields.roleName !== before.roleName || fields.evidenceToReview !== before.evidenceToReview;
    const reset = isReset ? await countResetSignoffs(tx, id) : 0;
    const { count } = await tx.requiredSignoff.updateMany({
      where: { id, version },
      data: { ...fields, version: { increment: 1 }, ...(isReset ? { requirementsVersion: { increment: 1 } } : {}) },
    });
    if (count === 0) throw new StaleVersionError(before);
    await tx.requiredSignoffAssignee.deleteMany({ where: { requiredSignoffId: id } });
    await tx.requiredSignoffAssignee.createMany({ data: assigneeIds.map((userId) => ({ requiredSignoffId: id, userId })) });
    const sortedIds = [...assigneeIds].sort();
    await recordAudit(tx, {
      actorId: viewer.id,
      releaseId: before.releaseId,
      action: "signoff_role.updated",
      entityType: "required_signoff",
      entityId: id,
      before: { roleName: before.roleName, evidenceToReview: before.evidenceToReview, requiredApprovals: before.requiredApprovals, assigneeIds: before.assigneeIds },
      after: { ...fields, assigneeIds: sortedIds, signoffsReset: reset },
    });
    // Everyone must sign again after a reset; otherwise only people newly assigned are asked.
    const asked = isReset ? assigneeIds : assigneeIds.filter((userId) => !before.assigneeIds.includes(userId));
    const after = await tx.requiredSignoff.findUniqueOrThrow({ where: { id }, select: { requirementsVersion: true, release: { select: { name: true } } } });
    await notifySignoffRequested(tx, { id: before.releaseId, name: after.release.name }, { id, roleName: fields.roleName, requirementsVersion: after.requirementsVersion }, asked, viewer.id);
    return { id, releaseId: before.releaseId, signoffsReset: reset };
  });
}

export async function removeRequiredSignoff(viewer: Viewer, raw: unknown) {
  requirePermission(viewer, "signoff:configure");
  const { id, version } = parseInput(removeRoleSchema, raw);
  return db.$transaction(async (tx) => {
    const before = await loadRole(tx, id);
    const { count } = await tx.requiredSignoff.updateMany({ where: { id, version }, data: { removedAt: new Date(), version: { increment: 1 } } });
    if (count === 0) throw new StaleVersionError(before);
    await recordAudit(tx, {
      actorId: viewer.id,
      releaseId: before.releaseId,
      action: "signoff_role.removed",
      entityType: "required_signoff",
      entityId: id,
      before: { roleName: before.roleName },
    });
    return { id, releaseId: before.releaseId };
  });
}
