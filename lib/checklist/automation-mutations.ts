import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { currentVia } from "@/lib/api/context";
import { setItemStatusBodySchema } from "@/lib/api/schemas";
import { StaleVersionError } from "@/lib/errors";
import { parseInput } from "@/lib/form";
import { requirePermission, type Viewer } from "@/lib/permissions";
import { idField } from "@/lib/schemas";
import { loadItem, refuseManagedStatus } from "@/lib/checklist/guards";
import { afterStatusChange } from "@/lib/checklist/item-status";
import { insertEvidence, insertNote } from "@/lib/checklist/item-records";
import { noteItemChange } from "@/lib/signoffs/staleness";

// What automation reports about an item (F22): a status, with the link that proves it and a
// note, in one transaction with their audit events, under the same rules as a change by hand
// (permissions, managed items, waivers, stale sign-offs, webhooks). The item becomes "fed by
// automation" and remembers which token set it; an earlier manual override is cleared.

export const reportItemStatusSchema = setItemStatusBodySchema.extend({ itemId: idField });

export async function reportItemStatus(viewer: Viewer, raw: unknown) {
  requirePermission(viewer, "item:progress");
  const input = parseInput(reportItemStatusSchema, raw) as z.infer<typeof reportItemStatusSchema>;
  const source = currentVia() ?? viewer.name;
  return db.$transaction(async (tx) => {
    // One report at a time per item: concurrent reports are serialised, never lost.
    await tx.$queryRaw`SELECT id FROM items WHERE id = ${input.itemId} FOR UPDATE`;
    const before = await loadItem(tx, input.itemId);
    if (input.expectedVersion !== undefined && input.expectedVersion !== before.version) throw new StaleVersionError(before);
    refuseManagedStatus(before);
    if (before.status === "WAIVED" && before.priority === "BLOCKING") requirePermission(viewer, "item:waive");
    const now = new Date();
    const isChanged = before.status !== input.status;
    await tx.item.update({
      where: { id: before.id },
      data: {
        status: input.status,
        ...(isChanged ? { completedAt: input.status === "DONE" ? now : null, waiverReason: null, waiverExpiresAt: null } : {}),
        isAutomated: true,
        automatedBy: source.slice(0, 200),
        automatedAt: now,
        overriddenAt: null,
        lastChangedById: viewer.id,
        version: { increment: 1 },
      },
    });
    await recordAudit(tx, {
      actorId: viewer.id,
      releaseId: before.releaseId,
      action: isChanged ? "item.status_changed" : "item.status_confirmed",
      entityType: "item",
      entityId: before.id,
      before: { status: before.status, waiverReason: before.waiverReason },
      after: { status: input.status, automated: true },
    });
    if (isChanged) {
      await noteItemChange(tx, before, before, { priority: before.priority, status: input.status }, viewer.id);
      await afterStatusChange(tx, before, before.status, input.status, viewer.name);
    }
    if (input.evidenceUrl) await insertEvidence(tx, viewer.id, before, { url: input.evidenceUrl, label: input.evidenceLabel ?? "" });
    if (input.note) await insertNote(tx, viewer.id, before, input.note);
    return { id: before.id, releaseId: before.releaseId, isChanged };
  });
}
