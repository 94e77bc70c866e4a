import "server-only";
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import { db } from "@/lib/db";
import { installPlanCache } from "@/lib/db-plan-cache";
import { openStreamCount } from "@/lib/live/listener";

// Prometheus metrics (F23), per instance: API requests and their latency by operation and
// status, open live-update streams, the reuse of compiled read plans, and, read from the database at scrape time, the depth of
// the job queue and of the webhook outbox. Served at /api/metrics behind METRICS_TOKEN.

type Metrics = { registry: Registry; requests: Counter<"route" | "method" | "status">; duration: Histogram<"route" | "method"> };
const globalForMetrics = globalThis as unknown as { metrics?: Metrics };

export function metrics(): Metrics {
  if (globalForMetrics.metrics) return globalForMetrics.metrics;
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "rr_" });
  const requests = new Counter({ name: "rr_http_requests_total", help: "Requests answered, by route, method and status.", labelNames: ["route", "method", "status"] as const, registers: [registry] });
  const duration = new Histogram({
    name: "rr_http_request_duration_seconds",
    help: "Time to answer, by route and method.",
    labelNames: ["route", "method"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  new Gauge({ name: "rr_live_streams_open", help: "Live-update event streams open on this instance.", registers: [registry], collect() { this.set(openStreamCount()); } });
  new Gauge({
    name: "rr_job_queue_depth",
    help: "Background jobs by status.",
    labelNames: ["status"] as const,
    registers: [registry],
    async collect() {
      const rows = await db.job.groupBy({ by: ["status"], _count: true });
      // Every status is reported, 0 included, so an empty queue is a series, not a gap.
      for (const status of ["PENDING", "RUNNING", "DONE", "FAILED"] as const) this.set({ status }, rows.find((row) => row.status === status)?._count ?? 0);
    },
  });
  new Gauge({
    name: "rr_webhook_deliveries",
    help: "Webhook deliveries by status.",
    labelNames: ["status"] as const,
    registers: [registry],
    async collect() {
      const rows = await db.webhookDelivery.groupBy({ by: ["status"], _count: true });
      for (const status of ["PENDING", "DELIVERED", "FAILED"] as const) this.set({ status }, rows.find((row) => row.status === status)?._count ?? 0);
    },
  });
  new Gauge({
    name: "rr_query_plans",
    help: "Compiled read plans: reads that reused a kept plan (hits), reads compiled afresh (misses), plans kept (size).",
    labelNames: ["kind"] as const,
    registers: [registry],
    collect() {
      const plans = installPlanCache();
      this.set({ kind: "hits" }, plans.hits);
      this.set({ kind: "misses" }, plans.misses);
      this.set({ kind: "size" }, plans.size);
    },
  });
  globalForMetrics.metrics = { registry, requests, duration };
  return globalForMetrics.metrics;
}

/** Times one answer of `route` and counts it by status. */
export async function measured(route: string, method: string, answer: () => Promise<Response>): Promise<Response> {
  const { requests, duration } = metrics();
  const stop = duration.startTimer({ route, method });
  const response = await answer();
  stop();
  requests.inc({ route, method, status: String(response.status) });
  return response;
}
