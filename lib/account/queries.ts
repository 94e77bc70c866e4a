import "server-only";
import QRCode from "qrcode";
import { db } from "@/lib/db";
import { decryptSecret, provisioningUri } from "@/lib/account/totp";

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
