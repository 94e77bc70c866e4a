import "server-only";
import { db } from "@/lib/db";
import { getReleaseReadiness } from "@/lib/decisions/queries";
import { getPlanSummary } from "@/lib/plans/queries";
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

/**
 * What a stakeholder sees (F11): the go/no-go state, score, phase progress, sign-off matrix,
 * the plan at a glance (risks, next milestone, rollback, watch window). Names only: no e-mail
 * addresses, no ids of people, nothing editable.
 */
export async function getStakeholderView(releaseId: string) {
  const [release, status, plan] = await Promise.all([
    db.release.findUnique({
      where: { id: releaseId },
      select: { id: true, name: true, versionName: true, description: true, status: true, targetDate: true, owner: { select: { name: true } } },
    }),
    getReleaseReadiness(releaseId),
    getPlanSummary(releaseId),
  ]);
  if (!release || !status || !plan) return null;
  return { release, ...status, plan };
}

export type StakeholderView = NonNullable<Awaited<ReturnType<typeof getStakeholderView>>>;

