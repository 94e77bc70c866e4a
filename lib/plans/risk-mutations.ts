import "server-only";
import { db, type Tx } from "@/lib/db";
import { changedFields, recordAudit } from "@/lib/audit";
import { NotFoundError, StaleVersionError } from "@/lib/errors";
import { parseInput, ValidationError } from "@/lib/form";
import { requirePermission, type Viewer } from "@/lib/permissions";
import { requireOpenRelease } from "@/lib/checklist/guards";
import { createRiskSchema, deleteRowSchema, updateRiskSchema } from "@/lib/plans/schemas";

// The risk register (F12). An open risk with Critical impact, or High likelihood and High
// impact, fails the go/no-go criterion (lib/plans/rules.ts isCriticalRisk).

const riskFields = { id: true, releaseId: true, title: true, likelihood: true, impact: true, mitigation: true, contingency: true, ownerId: true, status: true, version: true } as const;

async function checkOwner(tx: Tx, ownerId: string | null) {
  if (!ownerId) return;
  const owner = await tx.user.findFirst({ where: { id: ownerId, disabledAt: null }, select: { id: true } });
  if (!owner) throw new ValidationError({ ownerId: ["Choose an active user as the risk's owner."] });
}

async function loadRisk(tx: Tx, id: string) {
  const risk = await tx.risk.findUnique({ where: { id }, select: riskFields });
  if (!risk) throw new NotFoundError("That risk no longer exists.");
  await requireOpenRelease(tx, risk.releaseId);
  return risk;
}

export async function createRisk(viewer: Viewer, raw: unknown) {
  requirePermission(viewer, "plan:edit");
  const input = parseInput(createRiskSchema, raw);
  return db.$transaction(async (tx) => {
    await requireOpenRelease(tx, input.releaseId);
    await checkOwner(tx, input.ownerId);
    const risk = await tx.risk.create({ data: input, select: riskFields });
    await recordAudit(tx, { actorId: viewer.id, releaseId: risk.releaseId, action: "risk.created", entityType: "risk", entityId: risk.id, after: risk });
    return risk;
  });
}

export async function updateRisk(viewer: Viewer, raw: unknown) {
  requirePermission(viewer, "plan:edit");
  const { id, version, ...changes } = parseInput(updateRiskSchema, raw);
  return db.$transaction(async (tx) => {
    const before = await loadRisk(tx, id);
    if (before.version !== version) throw new StaleVersionError(before);
    await checkOwner(tx, changes.ownerId);
    const { count } = await tx.risk.updateMany({ where: { id, version }, data: { ...changes, version: { increment: 1 } } });
    if (count === 0) throw new StaleVersionError(before);
    const diff = changedFields(before, changes);
    await recordAudit(tx, { actorId: viewer.id, releaseId: before.releaseId, action: "risk.updated", entityType: "risk", entityId: id, before: diff.before, after: diff.after });
    return { id, releaseId: before.releaseId };
  });
}

export async function deleteRisk(viewer: Viewer, raw: unknown) {
  requirePermission(viewer, "plan:edit");
  const { id, version } = parseInput(deleteRowSchema, raw);
  return db.$transaction(async (tx) => {
    const before = await loadRisk(tx, id);
    const { count } = await tx.risk.deleteMany({ where: { id, version } });
    if (count === 0) throw new StaleVersionError(before);
    await recordAudit(tx, { actorId: viewer.id, releaseId: before.releaseId, action: "risk.deleted", entityType: "risk", entityId: id, before });
    return { id, releaseId: before.releaseId };
  });
}
