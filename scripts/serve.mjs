// Serves the production build on PORT from WEB_CONCURRENCY processes that share the port
// (node:cluster): one Node process renders on one core, so a machine with more cores needs more
// processes to use them. Each worker is a plain `next start`; the app already works as several
// instances (rate limits, live updates and jobs go through PostgreSQL). This primary restarts
// a worker that dies, passes SIGINT/SIGTERM on, and answers the workers' requests for the
// metrics of all of them (lib/metrics.ts), so that a scrape of any one sees the whole server.
import cluster from "node:cluster";
import path from "node:path";
import promClient from "prom-client";
import { serverProcessCount, serverProcessCountProblem } from "./server-processes.mjs";

const { AggregatorRegistry } = promClient;
const port = process.env.PORT ?? "3000";
const count = serverProcessCount();
const say = (message) => console.log(`[release-readiness] ${message}`);

if (count === null) {
  console.error(`[release-readiness] ${serverProcessCountProblem()}`);
  process.exit(1);
}

// `node scripts/serve.mjs [dir]`: the app, or another Next.js app (the benchmark's floor).
const appDir = process.argv[2] ?? ".";
cluster.setupPrimary({ exec: path.resolve("node_modules/next/dist/bin/next"), args: ["start", appDir, "-p", port] });
const aggregator = new AggregatorRegistry();
let stopping = false;
let exitCode = 0;

function fork() {
  const worker = cluster.fork();
  const startedAt = Date.now();
  worker.on("message", async (message) => {
    if (message?.type !== "rr:metrics") return;
    try {
      const text = await aggregator.clusterMetrics();
      worker.send({ type: "rr:metrics:reply", id: message.id, text });
    } catch (error) {
      worker.send({ type: "rr:metrics:reply", id: message.id, error: String(error?.message ?? error) });
    }
  });
  worker.on("exit", (code, signal) => {
    if (stopping) return;
    // A worker that dies at once (a bad build, a port in use) would only die again.
    if (Date.now() - startedAt < 5000) {
      console.error(`[release-readiness] A server process stopped while starting (exit ${code ?? signal}); stopping.`);
      exitCode = 1;
      shutdown("SIGTERM");
      return;
    }
    say(`A server process stopped (exit ${code ?? signal}); starting another.`);
    fork();
  });
}

function shutdown(signal) {
  if (stopping) return;
  stopping = true;
  for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
}

for (let index = 0; index < count; index += 1) fork();
if (count > 1) say(`${count} server processes share port ${port}.`);
process.on("SIGINT", () => shutdown("SIGINT"));
process.on("SIGTERM", () => shutdown("SIGTERM"));
cluster.on("exit", () => {
  if (stopping && Object.keys(cluster.workers ?? {}).length === 0) process.exit(exitCode);
});
