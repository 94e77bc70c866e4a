import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { parseInput, ValidationError } from "@/lib/form";
import { can, requirePermission, type Viewer } from "@/lib/permissions";
import { createTokenSchema, revokeTokenSchema, type TokenScope } from "@/lib/api/token-schemas";

// API tokens (F22): created by admins and release managers, shown once, stored as a SHA-256.
// A token acts with its creator's current role (so disabling or demoting the creator takes its
// power away at once), narrowed by its scopes and optionally to one release.

const DAY = 86_400_000;

export const hashToken = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");

export function generateToken(): string {
  return `rr_${randomBytes(32).toString("base64url")}`;
}

export async function createApiToken(viewer: Viewer, raw: unknown) {
  requirePermission(viewer, "api:manage");
  const input = parseInput(createTokenSchema, raw);
  const token = generateToken();
  return db.$transaction(async (tx) => {
    if (input.releaseId && !(await tx.release.findUnique({ where: { id: input.releaseId }, select: { id: true } }))) {
      throw new ValidationError({ releaseId: ["Choose an existing release, or all releases."] });
    }
    const row = await tx.apiToken.create({
      data: {
        name: input.name,
        prefix: token.slice(0, 8),
        tokenHash: hashToken(token),
        scopes: [...new Set(input.scopes)],
        releaseId: input.releaseId,
        createdById: viewer.id,
        expiresAt: new Date(Date.now() + input.expiresInDays * DAY),
      },
      select: { id: true, name: true, prefix: true, scopes: true, releaseId: true, expiresAt: true },
    });
    await recordAudit(tx, { actorId: viewer.id, releaseId: row.releaseId, action: "api_token.created", entityType: "api_token", entityId: row.id, after: row });
    return { id: row.id, token, releaseId: row.releaseId };
  });
}

/** Revokes a token at once; its creator or an admin may. */
export async function revokeApiToken(viewer: Viewer, raw: unknown) {
  requirePermission(viewer, "api:manage");
  const { id } = parseInput(revokeTokenSchema, raw);
  return db.$transaction(async (tx) => {
    const token = await tx.apiToken.findUnique({ where: { id }, select: { id: true, name: true, createdById: true, revokedAt: true, releaseId: true } });
    if (!token) throw new NotFoundError("That token does not exist.");
    if (token.createdById !== viewer.id && !can(viewer, "users:manage")) throw new ForbiddenError("Only the token's creator or an admin can revoke it.");
    if (token.revokedAt) return { id, releaseId: token.releaseId };
    await tx.apiToken.update({ where: { id }, data: { revokedAt: new Date() } });
    await recordAudit(tx, { actorId: viewer.id, releaseId: token.releaseId, action: "api_token.revoked", entityType: "api_token", entityId: id, before: { name: token.name } });
    return { id, releaseId: token.releaseId };
  });
}

export type TokenCaller = { viewer: Viewer; token: { id: string; name: string; scopes: TokenScope[]; releaseId: string | null } };

/**
 * The caller of an API request, from its bearer token; null when the token is missing, unknown,
 * expired or revoked, or its creator is disabled. The reason is not told to the caller.
 */
export async function authenticateToken(authorization: string | null): Promise<TokenCaller | null> {
  const match = /^Bearer\s+(rr_[A-Za-z0-9_-]{20,100})\s*$/.exec(authorization ?? "");
  if (!match) return null;
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hashToken(match[1]!) },
    select: { id: true, name: true, scopes: true, releaseId: true, expiresAt: true, revokedAt: true, lastUsedAt: true, createdBy: { select: { id: true, email: true, name: true, role: true, disabledAt: true } } },
  });
  const now = new Date();
  if (!row || row.revokedAt || row.expiresAt <= now || row.createdBy.disabledAt) return null;
  // The last-used time is kept to the minute, so a busy pipeline does not write on every call.
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000) {
    await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  }
  const { disabledAt: _disabled, ...creator } = row.createdBy;
  return { viewer: creator, token: { id: row.id, name: row.name, scopes: row.scopes as TokenScope[], releaseId: row.releaseId } };
}

export async function listApiTokens(viewer: Viewer) {
  return db.apiToken.findMany({
    where: can(viewer, "users:manage") ? {} : { createdById: viewer.id },
    orderBy: [{ revokedAt: { sort: "asc", nulls: "first" } }, { createdAt: "desc" }],
    select: { id: true, name: true, prefix: true, scopes: true, expiresAt: true, lastUsedAt: true, revokedAt: true, createdAt: true, release: { select: { id: true, name: true, versionName: true } }, createdBy: { select: { name: true } } },
  });
}
