import "server-only";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { StaleVersionError } from "@/lib/errors";
import { parseInput, ValidationError } from "@/lib/form";
import { requirePermission, type Viewer } from "@/lib/permissions";
import { loadItem, refuseManagedStatus } from "@/lib/checklist/guards";
import { setItemStatusSchema, waiveItemSchema } from "@/lib/checklist/schemas";
import { noteItemChange } from "@/lib/signoffs/staleness";
import { currentVia } from "@/lib/api/context";
import { emitWebhookEvent } from "@/lib/webhooks/emit";
import type { Tx } from "@/lib/db";
import type { ItemStatus } from "@/lib/generated/prisma/enums";

/**
 * After an item's status changed: the webhook event, and whether a person overrode what
 * automation reported (F22). Called by every status change, by hand or through the API.
 */
export async function afterStatusChange(tx: Tx, item: { id: string; releaseId: string; title: string; automationKey: string | null }, from: ItemStatus, to: ItemStatus, actorName: string) {
  await emitWebhookEvent(tx, {
    type: "item.status_changed",
    releaseId: item.releaseId,
    data: { itemId: item.id, key: item.automationKey, title: item.title, from, to, by: actorName, via: currentVia() },
  });
}

/** A manual change of an automated item is allowed and kept as an override. */
const overrideOf = (item: { isAutomated: boolean }) => (item.isAutomated && !currentVia() ? { overriddenAt: new Date() } : {});

/** One-click status change from the checklist. Leaving WAIVED clears the waiver. */
export async function setItemStatus(viewer: Viewer, raw: unknown) {
  requirePermission(viewer, "item:progress");
  const { id, version, status } = parseInput(setItemStatusSchema, raw);
  return db.$transaction(async (tx) => {
    const before = await loadItem(tx, id);
    if (before.version !== version) throw new StaleVersionError(before);
    refuseManagedStatus(before);
    if (before.status === "WAIVED" && before.priority === "BLOCKING") {
      requirePermission(viewer, "item:waive");
    }
    const { count } = await tx.item.updateMany({
      where: { id, version },
      data: {
        status,
        completedAt: status === "DONE" ? new Date() : null,
        waiverReason: null,
        waiverExpiresAt: null,
        lastChangedById: viewer.id,
        version: { increment: 1 },
        ...overrideOf(before),
      },
    });
    if (count === 0) throw new StaleVersionError(before);
    await recordAudit(tx, {
      actorId: viewer.id,
      releaseId: before.releaseId,
      action: "item.status_changed",
      entityType: "item",
      entityId: id,
      before: { status: before.status, waiverReason: before.waiverReason },
      after: { status, ...("overriddenAt" in overrideOf(before) ? { override: true } : {}) },
    });
    await noteItemChange(tx, before, before, { priority: before.priority, status }, viewer.id);
    await afterStatusChange(tx, before, before.status, status, viewer.name);
    return { id, releaseId: before.releaseId, status, version: version + 1 };
  });
}

/** Waives an item: it stops counting towards progress. A blocking item's waiver needs an expiry. */
export async function waiveItem(viewer: Viewer, raw: unknown) {
  requirePermission(viewer, "item:waive");
  const { id, version, waiverReason, waiverExpiresAt } = parseInput(waiveItemSchema, raw);
  return db.$transaction(async (tx) => {
    const before = await loadItem(tx, id);
    if (before.version !== version) throw new StaleVersionError(before);
    refuseManagedStatus(before);
    if (before.priority === "BLOCKING" && !waiverExpiresAt) {
      throw new ValidationError({ waiverExpiresAt: ["A blocking item's waiver needs an expiry date."] });
    }
    if (waiverExpiresAt && waiverExpiresAt.getTime() <= Date.now()) {
      throw new ValidationError({ waiverExpiresAt: ["The waiver must expire in the future."] });
    }
    const { count } = await tx.item.updateMany({
      where: { id, version },
      data: { status: "WAIVED", waiverReason, waiverExpiresAt, completedAt: null, lastChangedById: viewer.id, version: { increment: 1 }, ...overrideOf(before) },
    });
    if (count === 0) throw new StaleVersionError(before);
    await recordAudit(tx, {
      actorId: viewer.id,
      releaseId: before.releaseId,
      action: "item.waived",
      entityType: "item",
      entityId: id,
      before: { status: before.status },
      after: { status: "WAIVED", waiverReason, waiverExpiresAt },
    });
    await noteItemChange(tx, before, before, { priority: before.priority, status: "WAIVED" }, viewer.id, waiverReason);
    await afterStatusChange(tx, before, before.status, "WAIVED", viewer.name);
    return { id, releaseId: before.releaseId };
  });
}
