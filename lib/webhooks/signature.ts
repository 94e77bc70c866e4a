import { createHmac, timingSafeEqual } from "node:crypto";

// Webhook signatures: "X-Webhook-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">".
// The timestamp is signed with the body, so a captured delivery cannot be replayed later than
// the receiver's tolerance. Receivers verify with the webhook's secret (README: Webhooks).

export function signPayload(secret: string, timestamp: number, body: string): string {
  return createHmac("sha256", secret).update(`${timestamp}.${body}`, "utf8").digest("hex");
}

export function signatureHeader(secret: string, timestamp: number, body: string): string {
  return `t=${timestamp},v1=${signPayload(secret, timestamp, body)}`;
}

/** True when the header signs this body with this secret, within `toleranceSeconds` of now. */
export function verifySignature(secret: string, header: string | null | undefined, body: string, { toleranceSeconds = 300, now = Date.now() } = {}): boolean {
  const match = /^t=(\d{1,12}),v1=([0-9a-f]{64})$/.exec(header ?? "");
  if (!match) return false;
  const timestamp = Number(match[1]);
  if (Math.abs(now / 1000 - timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(signPayload(secret, timestamp, body), "hex");
  const given = Buffer.from(match[2]!, "hex");
  return expected.length === given.length && timingSafeEqual(expected, given);
}
