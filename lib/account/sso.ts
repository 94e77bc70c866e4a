import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db-errors";
import { env } from "@/lib/env";

// Single sign-on through OpenID Connect (F20). A person is found by the provider's issuer and
// subject, never by e-mail alone: an e-mail that already belongs to an account here is refused
// until that account's owner links the provider from their account page.

export type SsoProfile = { issuer: string; subject: string; email?: string | null; name?: string | null };

export type SsoOutcome = { userId: string; sessionVersion: number } | { refused: SsoRefusal };

export type SsoRefusal = "SsoEmailTaken" | "SsoNoAccount" | "SsoDisabled";

export function ssoSettings() {
  const { OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_NAME, OIDC_CREATE_USERS } = env();
  if (!OIDC_ISSUER || !OIDC_CLIENT_ID || !OIDC_CLIENT_SECRET) return null;
  return { issuer: OIDC_ISSUER.replace(/\/$/, ""), clientId: OIDC_CLIENT_ID, clientSecret: OIDC_CLIENT_SECRET, name: OIDC_NAME, createUsers: OIDC_CREATE_USERS };
}

const LINK_COOKIE = "rr-sso-link";
const LINK_MINUTES = 10;

function sign(payload: string): string {
  return createHmac("sha256", env().NEXTAUTH_SECRET).update(`sso-link:${payload}`).digest("base64url");
}

/** The cookie that lets the next single sign-on link to this signed-in user, for ten minutes. */
export function linkIntentCookie(userId: string, now = Date.now()) {
  const payload = `${userId}.${now + LINK_MINUTES * 60_000}`;
  return { name: LINK_COOKIE, value: `${payload}.${sign(payload)}`, maxAge: LINK_MINUTES * 60 };
}

/** The user a link cookie names, if its signature holds and it has not expired. */
export function readLinkIntent(value: string | undefined, now = Date.now()): string | null {
  const [userId, expires, signature] = value?.split(".") ?? [];
  if (!userId || !expires || !signature) return null;
  const expected = Buffer.from(sign(`${userId}.${expires}`));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  return Number(expires) > now ? userId : null;
}

export const linkCookieName = LINK_COOKIE;

const displayName = (profile: SsoProfile) => (profile.name?.trim() || profile.email?.split("@")[0] || "New user").slice(0, 100);

/**
 * The account a provider's identity signs in to. Links it to `linkUserId` when the person
 * started a link from their account page; creates a viewer account when the e-mail is new
 * and OIDC_CREATE_USERS allows it; otherwise refuses with a reason the sign-in page explains.
 */
export async function resolveSsoUser(profile: SsoProfile, linkUserId: string | null, createUsers: boolean): Promise<SsoOutcome> {
  const key = { issuer: profile.issuer, subject: profile.subject };
  const email = profile.email?.trim().toLowerCase() || null;
  try {
    return await db.$transaction(async (tx): Promise<SsoOutcome> => {
      const known = await tx.externalIdentity.findUnique({
        where: { issuer_subject: key },
        select: { user: { select: { id: true, sessionVersion: true, disabledAt: true } } },
      });
      if (known) return known.user.disabledAt ? { refused: "SsoDisabled" } : { userId: known.user.id, sessionVersion: known.user.sessionVersion };
      if (linkUserId) {
        const user = await tx.user.findUnique({ where: { id: linkUserId }, select: { id: true, sessionVersion: true, disabledAt: true } });
        if (!user || user.disabledAt) return { refused: "SsoDisabled" };
        await tx.externalIdentity.create({ data: { ...key, email, userId: user.id } });
        await recordAudit(tx, { actorId: user.id, action: "user.sso_linked", entityType: "user", entityId: user.id, after: { ...key, email } });
        return { userId: user.id, sessionVersion: user.sessionVersion };
      }
      if (email && (await tx.user.findUnique({ where: { email }, select: { id: true } }))) return { refused: "SsoEmailTaken" };
      if (!createUsers || !email) return { refused: "SsoNoAccount" };
      const user = await tx.user.create({ data: { email, name: displayName(profile), role: "VIEWER", passwordHash: null }, select: { id: true, email: true, name: true, role: true, sessionVersion: true } });
      await tx.externalIdentity.create({ data: { ...key, email, userId: user.id } });
      await recordAudit(tx, { actorId: user.id, action: "user.created", entityType: "user", entityId: user.id, after: { email: user.email, name: user.name, role: user.role, via: "single sign-on", ...key } });
      return { userId: user.id, sessionVersion: user.sessionVersion };
    });
  } catch (error) {
    // Two first sign-ins of one identity at once: the other one created it; use that.
    if (isUniqueViolation(error)) return resolveSsoUser(profile, null, false);
    throw error;
  }
}
