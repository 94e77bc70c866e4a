import "server-only";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { NotFoundError } from "@/lib/errors";
import { parseInput } from "@/lib/form";
import { requirePermission, type Viewer } from "@/lib/permissions";
import { requireOpenRelease } from "@/lib/checklist/guards";
import { createShareLinkSchema, revokeShareLinkSchema } from "@/lib/share/schemas";
import { hashShareToken, newShareToken } from "@/lib/share/tokens";

// Share links to the stakeholder view (F11): created and revoked by release managers, audited.

const DAY = 86_400_000;

/** Returns the token once; it is never stored or shown again. */
export async function createShareLink(viewer: Viewer, raw: unknown) {
  requirePermission(viewer, "share:manage");
  const { releaseId, label, expiresInDays } = parseInput(createShareLinkSchema, raw);
  const token = newShareToken();
  return db.$transaction(async (tx) => {
    await requireOpenRelease(tx, releaseId);
    const link = await tx.shareLink.create({
      data: { releaseId, label, tokenHash: hashShareToken(token), expiresAt: new Date(Date.now() + expiresInDays * DAY), createdById: viewer.id },
      select: { id: true, expiresAt: true },
    });
    await recordAudit(tx, {
      actorId: viewer.id,
      releaseId,
      action: "share_link.created",
      entityType: "share_link",
      entityId: link.id,
      after: { label, expiresAt: link.expiresAt },
    });
    return { id: link.id, releaseId, token };
  });
}

export async function revokeShareLink(viewer: Viewer, raw: unknown) {
  requirePermission(viewer, "share:manage");
  const { id } = parseInput(revokeShareLinkSchema, raw);
  return db.$transaction(async (tx) => {
    const link = await tx.shareLink.findUnique({ where: { id }, select: { id: true, releaseId: true, label: true, revokedAt: true } });
    if (!link) throw new NotFoundError("That share link no longer exists.");
    if (link.revokedAt) return { releaseId: link.releaseId };
    await tx.shareLink.update({ where: { id }, data: { revokedAt: new Date() } });
    await recordAudit(tx, {
      actorId: viewer.id,
      releaseId: link.releaseId,
      action: "share_link.revoked",
      entityType: "share_link",
      entityId: id,
      before: { label: link.label },
    });
    return { releaseId: link.releaseId };
  });
}
