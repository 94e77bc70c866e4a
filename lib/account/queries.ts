import "server-only";
import QRCode from "qrcode";
import { db } from "@/lib/db";
import { ssoSettings } from "@/lib/account/sso";
import { decryptSecret, provisioningUri } from "@/lib/account/totp";
import type { Viewer } from "@/lib/permissions";
import { signOnFreshUntil } from "@/lib/signoffs/schemas";

/** What the account page shows: sign-in methods, never a secret that is already in force. */
export async function getAccount(userId: string) {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: {
      email: true,
      passwordHash: true,
      totpSecret: true,
      totpEnabledAt: true,
      identities: { orderBy: { createdAt: "asc" }, select: { id: true, issuer: true, email: true, createdAt: true } },
      sessions: { where: { endedAt: null }, select: { id: true } },
    },
  });
  const pendingSecret = !user.totpEnabledAt && user.totpSecret ? decryptSecret(user.totpSecret) : null;
  const setup = pendingSecret
    ? { secret: pendingSecret, qrSvg: await QRCode.toString(provisioningUri(pendingSecret, user.email), { type: "svg", margin: 1, errorCorrectionLevel: "M" }) }
    : null;
  return {
    hasPassword: Boolean(user.passwordHash),
    twoStepEnabledAt: user.totpEnabledAt,
    setup,
    identities: user.identities,
    openSessions: user.sessions.length,
  };
}

/** How the viewer confirms a sign-off: their password, or a fresh single sign-on. */
export type SignConfirmation = { method: "password" } | { method: "sso"; provider: string; freshUntil: string | null };

export async function getSignConfirmation(viewer: Viewer): Promise<SignConfirmation> {
  const user = await db.user.findUnique({ where: { id: viewer.id }, select: { passwordHash: true } });
  if (user?.passwordHash) return { method: "password" };
  const until = signOnFreshUntil(viewer.signedInAt);
  return { method: "sso", provider: ssoSettings()?.name ?? "single sign-on", freshUntil: until > Date.now() ? new Date(until).toISOString() : null };
}
