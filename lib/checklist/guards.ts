import "server-only";
import type { Tx } from "@/lib/db";
import { ForbiddenError, NotFoundError } from "@/lib/errors";

/** The release a checklist write belongs to; refuses missing and archived releases. */
export async function requireOpenRelease(tx: Tx, releaseId: string) {
  const release = await tx.release.findUnique({ where: { id: releaseId }, select: { id: true, archivedAt: true } });
  if (!release) throw new NotFoundError("That release does not exist.");
  if (release.archivedAt) throw new ForbiddenError("This release is archived; restore it before changing its checklist.");
  return release;
}

export const itemAuditFields = {
  id: true,
  releaseId: true,
  phaseId: true,
  parentId: true,
  title: true,
  details: true,
  priority: true,
  categoryId: true,
  ownerRole: true,
  assigneeId: true,
  dueDate: true,
  estimateMinutes: true,
  status: true,
  waiverReason: true,
  waiverExpiresAt: true,
  position: true,
  version: true,
  managedBy: true,
  automationKey: true,
  isAutomated: true,
} as const;

/** An item whose status follows something else (the rollback plan) refuses manual status changes. */
export function refuseManagedStatus(item: { managedBy: string | null }) {
  if (item.managedBy) {
    throw new ForbiddenError("This item follows the rollback plan: record the rehearsal date in the plan and it updates itself.");
  }
}

/** An item about to be written, with its release checked to be open. */
export async function loadItem(tx: Tx, id: string) {
  const item = await tx.item.findUnique({ where: { id }, select: itemAuditFields });
  if (!item) throw new NotFoundError("That checklist item no longer exists.");
  await requireOpenRelease(tx, item.releaseId);
  return item;
}

export async function loadPhase(tx: Tx, id: string) {
  const phase = await tx.phase.findUnique({
    where: { id },
    select: { id: true, releaseId: true, name: true, description: true, position: true, version: true },
  });
  if (!phase) throw new NotFoundError("That phase no longer exists.");
  await requireOpenRelease(tx, phase.releaseId);
  return phase;
}
