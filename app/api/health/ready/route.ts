import { db } from "@/lib/db";
import { measured } from "@/lib/metrics";

export const dynamic = "force-dynamic";

/** Readiness (F23): the database answers within two seconds; otherwise 503, so a balancer sends traffic elsewhere. */
export function GET(request: Request) {
  return measured("/api/health/ready", request.method, ready);
}

async function ready() {
  const started = Date.now();
  try {
    await Promise.race([db.$queryRaw`SELECT 1`, new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), 2000))]);
    return Response.json({ status: "ok", database: { status: "ok", latencyMs: Date.now() - started } }, { headers: { "Cache-Control": "no-store" } });
  } catch {
    return Response.json({ status: "unavailable", database: { status: "unavailable" } }, { status: 503, headers: { "Cache-Control": "no-store", "Retry-After": "5" } });
  }
}
