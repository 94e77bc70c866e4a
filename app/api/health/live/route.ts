export const dynamic = "force-dynamic";

/** Liveness (F23): the process answers. Nothing else is checked, so a database outage does not restart it. */
export function GET() {
  return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
}
