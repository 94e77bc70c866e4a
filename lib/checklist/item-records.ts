import "server-only";
import { db, type Tx } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { NotFoundError } from "@/lib/errors";
import { parseInput } from "@/lib/form";
import { requirePermission, type Viewer } from "@/lib/permissions";
import { loadItem } from "@/lib/checklist/guards";
import { addEvidenceSchema, addNoteSchema, removeEvidenceSchema } from "@/lib/checklist/schemas";
import { recordBlockingChange } from "@/lib/signoffs/staleness";

// Evidence links and notes on an item. Evidence changes touch the item's version, so a
// sign-off based on the old evidence can later be told apart (F9).

function touchItem(tx: Tx, itemId: string, viewerId: string) {
  return tx.item.update({ where: { id: itemId }, data: { lastChangedById: viewerId, version: { increment: 1 } } });
}

type RecordedItem = { id: string; releaseId: string; title: string; priority: string };

/**
 * Adds an evidence link inside the caller's transaction, with its audit event; on a blocking
 * item it makes earlier sign-offs stale. Shared by the item page and automation reports.
 */
export async function insertEvidence(tx: Tx, viewerId: string, item: RecordedItem, link: { url: string; label: string }) {
  const created = await tx.evidenceLink.create({ data: { itemId: item.id, ...link, addedById: viewerId }, select: { id: true, itemId: true, url: true, label: true } });
  await recordAudit(tx, { actorId: viewerId, releaseId: item.releaseId, action: "item.evidence_added", entityType: "item", entityId: item.id, after: created });
  if (item.priority === "BLOCKING") await recordBlockingChange(tx, item, "EVIDENCE_CHANGED", viewerId, `Added ${created.url}`);
  return created;
}

/** Adds a note inside the caller's transaction, with its audit event. */
export async function insertNote(tx: Tx, viewerId: string, item: RecordedItem, body: string) {
  const note = await tx.itemNote.create({ data: { itemId: item.id, body, authorId: viewerId }, select: { id: true, body: true } });
  await recordAudit(tx, { actorId: viewerId, releaseId: item.releaseId, action: "item.note_added", entityType: "item", entityId: item.id, after: note });
  return note;
}

export async function addEvidence(viewer: Viewer, raw: unknown) {
  requirePermission(viewer, "item:progress");
  const { itemId, url, label } = parseInput(addEvidenceSchema, raw);
  return db.$transaction(async (tx) => {
    const item = await loadItem(tx, itemId);
    const link = await insertEvidence(tx, viewer.id, item, { url, label });
    await touchItem(tx, item.id, viewer.id);
    return { id: link.id, itemId: item.id, releaseId: item.releaseId };
  });
}

export async function removeEvidence(viewer: Viewer, raw: unknown) {
  requirePermission(viewer, "item:progress");
  const { id } = parseInput(removeEvidenceSchema, raw);
  return db.$transaction(async (tx) => {
    const link = await tx.evidenceLink.findUnique({ where: { id }, select: { id: true, itemId: true, url: true, label: true } });
    if (!link) throw new NotFoundError("That evidence link no longer exists.");
    const item = await loadItem(tx, link.itemId);
    await tx.evidenceLink.delete({ where: { id } });
    await touchItem(tx, item.id, viewer.id);
    await recordAudit(tx, {
      actorId: viewer.id,
      releaseId: item.releaseId,
      action: "item.evidence_removed",
      entityType: "item",
      entityId: item.id,
      before: link,
    });
    if (item.priority === "BLOCKING") await recordBlockingChange(tx, item, "EVIDENCE_CHANGED", viewer.id, `Removed ${link.url}`);
    return { itemId: item.id, releaseId: item.releaseId };
  });
}

export async function addNote(viewer: Viewer, raw: unknown) {
  requirePermission(viewer, "item:progress");
  const { itemId, body } = parseInput(addNoteSchema, raw);
  return db.$transaction(async (tx) => {
    const item = await loadItem(tx, itemId);
    await insertNote(tx, viewer.id, item, body);
    return { itemId: item.id, releaseId: item.releaseId };
  });
}
