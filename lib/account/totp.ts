import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { Secret, TOTP } from "otpauth";
import { env } from "@/lib/env";

// Time-based one-time passwords (RFC 6238) for the optional second step of a password sign-in.
// Secrets are stored encrypted (AES-256-GCM) with a key derived from NEXTAUTH_SECRET, so a
// copy of the database alone does not give them away; changing NEXTAUTH_SECRET turns every
// second step off in effect, and admins can reset it per user.

const PERIOD_SECONDS = 30;

function key(): Buffer {
  return Buffer.from(hkdfSync("sha256", env().NEXTAUTH_SECRET, "release-readiness", "totp-secret", 32));
}

export function encryptSecret(base32: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const body = Buffer.concat([cipher.update(base32, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), body.toString("base64url")].join(".");
}

export function decryptSecret(stored: string): string | null {
  const [version, iv, tag, body] = stored.split(".");
  if (version !== "v1" || !iv || !tag || !body) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null; // another NEXTAUTH_SECRET, or a changed row
  }
}

export function newSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totp(base32: string, label = "") {
  return new TOTP({ issuer: "Release readiness", label, secret: Secret.fromBase32(base32), digits: 6, period: PERIOD_SECONDS });
}

/** The otpauth:// address an authenticator app reads from the QR code. */
export function provisioningUri(base32: string, email: string): string {
  return totp(base32, email).toString();
}

/**
 * The 30-second step a code belongs to, or null when it is wrong. One step either side is
 * accepted for clock drift; the caller refuses a step at or before the last one used.
 */
export function matchingStep(base32: string, code: string, now = Date.now()): number | null {
  const token = code.replace(/\s+/g, "");
  if (!/^\d{6}$/.test(token)) return null;
  const delta = totp(base32).validate({ token, timestamp: now, window: 1 });
  return delta === null ? null : Math.floor(now / 1000 / PERIOD_SECONDS) + delta;
}

/** The current code, for tests and for nothing else in the app. */
export function currentCode(base32: string, now = Date.now()): string {
  return totp(base32).generate({ timestamp: now });
}
