import "server-only";
import { db } from "@/lib/db";
import { shareTokenSchema } from "@/lib/share/schemas";
import { hashShareToken } from "@/lib/share/tokens";

/**
 * The release a share token opens, or null for a malformed, unknown, expired or revoked token
 * (the page says the same thing for all four). Counts the view.
 */
export async function resolveShareToken(token: string): Promise<string | null> {
  if (!shareTokenSchema.safeParse(token).success) return null;
  const now = new Date();
  const { count } = await db.shareLink.updateMany({
    where: { tokenHash: hashShareToken(token), revokedAt: null, expiresAt: { gt: now }, release: { archivedAt: null } },
    data: { lastViewedAt: now, viewCount: { increment: 1 } },
  });
  if (count === 0) return null;
  const link = await db.shareLink.findUnique({ where: { tokenHash: hashShareToken(token) }, select: { releaseId: true } });
  return link?.releaseId ?? null;
}

export async function listShareLinks(releaseId: string) {
  return db.shareLink.findMany({
    where: { releaseId },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      label: true,
      expiresAt: true,
      revokedAt: true,
      lastViewedAt: true,
      viewCount: true,
      createdAt: true,
      createdBy: { select: { name: true } },
    },
  });
}
