import "server-only";
import cluster from "node:cluster";
import { randomUUID } from "node:crypto";
import { AggregatorRegistry, Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import { db } from "@/lib/db";
import { installPlanCache } from "@/lib/db-plan-cache";
import { openStreamCount } from "@/lib/live/listener";

// Prometheus metrics (F23), per server: API requests and their latency by operation and
// status, open live-update streams, the reuse of compiled read plans, and, read from the database at scrape time, the depth of
// the job queue and of the webhook outbox. Served at /api/metrics behind METRICS_TOKEN.
// Under scripts/serve.mjs several processes serve one port: a scrape answered by any of them
// reports the sum over all of them, gathered by the primary process (prom-client's aggregator).

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
  new Gauge({ name: "rr_server_processes", help: "Server processes whose figures this scrape sums (WEB_CONCURRENCY).", registers: [registry], collect() { this.set(1); } });
  new Gauge({ name: "rr_live_streams_open", help: "Live-update event streams open.", registers: [registry], collect() { this.set(openStreamCount()); } });
  new Gauge({
    name: "rr_job_queue_depth",
    help: "Background jobs by status.",
    labelNames: ["status"] as const,
    registers: [registry],
    aggregator: "first", // every process reads the same table
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
    aggregator: "first",
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
  if (cluster.isWorker) {
    // Constructing an aggregator is what makes prom-client answer the primary's requests.
    AggregatorRegistry.setRegistries([registry]);
    new AggregatorRegistry();
  }
  globalForMetrics.metrics = { registry, requests, duration };
  return globalForMetrics.metrics;
}

type Reply = { type?: string; id?: string; text?: string; error?: string };

/** The metrics text of this process, or, in a worker of scripts/serve.mjs, of every worker. */
export async function metricsText(): Promise<string> {
  const { registry } = metrics();
  if (!cluster.isWorker || !process.send) return registry.metrics();
  const id = randomUUID();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => finish(new Error("The primary process did not send the metrics within 10 s.")), 10_000);
    function finish(error: Error | null, text = "") {
      clearTimeout(timer);
      process.off("message", onMessage);
      if (error) reject(error);
      else resolve(text);
    }
    function onMessage(message: Reply) {
      if (message?.type !== "rr:metrics:reply" || message.id !== id) return;
      finish(message.error ? new Error(message.error) : null, message.text);
    }
    process.on("message", onMessage);
    process.send!({ type: "rr:metrics", id });
  });
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
