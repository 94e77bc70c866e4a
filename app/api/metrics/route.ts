import { timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";
import { metrics, metricsText } from "@/lib/metrics";

export const dynamic = "force-dynamic";

const plain = (status: number, text: string) => new Response(text, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

/** Prometheus metrics (F23), for a scraper that sends Authorization: Bearer $METRICS_TOKEN. */
export async function GET(request: Request) {
  const token = env().METRICS_TOKEN;
  if (!token) return plain(404, "Metrics are off: set METRICS_TOKEN to turn them on.");
  const given = /^Bearer (.+)$/.exec(request.headers.get("authorization") ?? "")?.[1] ?? "";
  const isValid = given.length === token.length && timingSafeEqual(Buffer.from(given), Buffer.from(token));
  if (!isValid) return new Response("Send the metrics token as Authorization: Bearer <token>.", { status: 401, headers: { "WWW-Authenticate": 'Bearer realm="metrics"', "Cache-Control": "no-store" } });
  return new Response(await metricsText(), { headers: { "Content-Type": metrics().registry.contentType, "Cache-Control": "no-store" } });
}
