import { createHash, randomBytes } from "node:crypto";

// Share-link tokens: 256 random bits, shown once; only their SHA-256 is stored, so a database
// leak gives no working links. A fast hash is enough for a token this long.

export function newShareToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashShareToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}
