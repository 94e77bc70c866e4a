import "server-only";
import { emitWebhookEvent } from "@/lib/webhooks/emit";
import type { Tx } from "@/lib/db";
import type { BlockingChangeKind } from "@/lib/generated/prisma/enums";
import { notifySignoffsStale } from "@/lib/notifications/events";
import { classifyBlockingChange, type BlockingSide } from "@/lib/signoffs/rules";

// Writes what made earlier sign-offs stale (F9), inside the transaction of the item change.
// Bumping the release's blocking revision takes the release row's lock, so a sign-off being
// recorded at the same moment (which reads that row FOR SHARE) is either counted before the
// change and made stale by it, or refused because it was based on the old revision.

type ItemRef = { id: string; releaseId: string; title: string };

export async function recordBlockingChange(tx: Tx, item: ItemRef, kind: BlockingChangeKind, actorId: string | null, detail = "") {
  const { blockingRevision, name } = await tx.release.update({
    where: { id: item.releaseId },
    data: { blockingRevision: { increment: 1 } },
    select: { blockingRevision: true, name: true },
  });
  await tx.blockingChange.create({
    data: { releaseId: item.releaseId, revision: blockingRevision, kind, itemId: item.id, itemTitle: item.title, detail, actorId },
  });
  await notifySignoffsStale(tx, { id: item.releaseId, name }, { kind, itemTitle: item.title }, actorId);
  await emitWebhookEvent(tx, { type: "signoff.stale", releaseId: item.releaseId, data: { revision: blockingRevision, kind, itemId: item.id, itemTitle: item.title, detail } });
}

/** Records the change if the item's move from `before` to `after` is one that makes sign-offs stale. */
export async function noteItemChange(tx: Tx, item: ItemRef, before: BlockingSide, after: BlockingSide, actorId: string | null, detail = "") {
  const kind = classifyBlockingChange(before, after);
  if (kind) await recordBlockingChange(tx, item, kind, actorId, detail);
  return kind;
}
