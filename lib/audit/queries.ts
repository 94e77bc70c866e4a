import "server-only";
import { db } from "@/lib/db";

const PAGE_SIZE = 50;

/** A release's audit events, newest first, paged by id (cursor) so it stays fast at any length. */
export async function listReleaseHistory(releaseId: string, before?: bigint) {
  const events = await db.auditEvent.findMany({
    where: { releaseId, ...(before ? { id: { lt: before } } : {}) },
    orderBy: { id: "desc" },
    take: PAGE_SIZE + 1,
    select: {
      id: true,
      action: true,
      entityType: true,
      entityId: true,
      before: true,
      after: true,
      createdAt: true,
      actor: { select: { name: true } },
    },
  });
  const hasMore = events.length > PAGE_SIZE;
  const page = events.slice(0, PAGE_SIZE);
  return { events: page, nextCursor: hasMore ? page.at(-1)!.id.toString() : null };
}
