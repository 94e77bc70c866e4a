// npm run bench:load: reads and writes against the production build, on its own embedded
// database with the demo data. 40 page reads a second (overview, checklist, stakeholder view
// and the portfolio, signed in) and 5 item status changes a second through the automation API,
// for 60 s (BENCH_SECONDS to change). Prints the figures and writes bench/results/load.json.
// Not part of npm test: figures, not assertions, on a machine that may be busy.
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import autocannon from "autocannon";

const port = Number(process.env.BENCH_PORT ?? 3400);
const base = `http://localhost:${port}`;
const seconds = Number(process.env.BENCH_SECONDS ?? 60);
const dataDir = ".data/bench";

rmSync(dataDir, { recursive: true, force: true });
const server = spawn(process.execPath, ["scripts/start.mjs"], {
  env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, EMBEDDED_PG_PORT: "56700", DATABASE_URL: "", API_RATE_LIMIT_PER_MINUTE: "100000", JOBS_WORKER: "on" },
  stdio: ["ignore", "ignore", "inherit"],
});
const stop = () => server.kill("SIGTERM");
process.on("exit", stop);

async function waitForReady() {
  for (let attempt = 0; attempt < 300; attempt += 1) {
    const ready = await fetch(`${base}/api/health/ready`).then((response) => response.ok).catch(() => false);
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error("The app did not become ready in 5 minutes.");
}

/** Signs in through next-auth's credentials flow and returns the session cookie. */
async function signIn(email: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookies = csrf.headers.getSetCookie().map((cookie) => cookie.split(";")[0] ?? "").join("; ");
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookies },
    body: new URLSearchParams({ csrfToken, email, password: "ready-for-release", json: "true" }),
  });
  const session = response.headers.getSetCookie().map((cookie) => cookie.split(";")[0] ?? "").find((cookie) => cookie.includes("session-token"));
  if (!session) throw new Error("Signing in failed.");
  return session;
}

function run(options: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => autocannon(options, (error, result) => (error ? reject(error) : resolve(result))));
}

await waitForReady();
process.env.DATABASE_URL = readFileSync(`${dataDir}/database-url`, "utf8").trim();
process.env.NEXTAUTH_SECRET ??= "bench-secret-not-used-to-sign-anything-here";
const { db } = await import("@/lib/db");
const { createApiToken } = await import("@/lib/api/tokens");
const manager = await db.user.findUniqueOrThrow({ where: { email: "manager@example.com" }, select: { id: true, email: true, name: true, role: true } });
const release = await db.release.findFirstOrThrow({ where: { name: { startsWith: "RaOS" } }, select: { id: true } });
const items = await db.item.findMany({ where: { releaseId: release.id, parentId: null, managedBy: null }, take: 5, select: { id: true } });
const { token } = await createApiToken(manager, { name: "bench", scopes: ["read", "items:write"], releaseId: "", expiresInDays: 1 });
const cookie = await signIn("manager@example.com");

const pages = ["/", `/releases/${release.id}`, `/releases/${release.id}/checklist`, `/releases/${release.id}/status`];
let write = 0;
console.log(`Measuring for ${seconds} s: 40 reads/s and 5 writes/s against ${base} …`);
const [reads, writes] = await Promise.all([
  run({ url: base, connections: 10, overallRate: 40, duration: seconds, headers: { cookie }, requests: pages.map((path) => ({ method: "GET", path })) }),
  run({
    url: base,
    connections: 5,
    overallRate: 5,
    duration: seconds,
    requests: [
      {
        method: "PATCH",
        setupRequest: (request) => {
          write += 1;
          const item = items[write % items.length]!;
          return { ...request, path: `/api/v1/releases/${release.id}/items/${item.id}`, headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify({ status: write % 2 === 0 ? "DONE" : "IN_PROGRESS" }) };
        },
      },
    ],
  }),
]);

const figures = (name: string, result: autocannon.Result) => ({
  name,
  requests: result.requests.total,
  rps: Math.round(result.requests.average * 10) / 10,
  p50: result.latency.p50,
  // autocannon reports p90, p97.5 and p99; p97.5 stands in for p95 and overstates it slightly.
  p97_5: result.latency.p97_5,
  p99: result.latency.p99,
  max: result.latency.max,
  errors: result.errors + result.timeouts,
  non2xx: result.non2xx,
  status5xx: result["5xx"],
});
const results = [figures("page reads (signed in)", reads), figures("item status changes (API)", writes)];
console.table(results);
mkdirSync("bench/results", { recursive: true });
writeFileSync("bench/results/load.json", `${JSON.stringify({ date: new Date().toISOString(), machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB`, seconds, results }, null, 2)}\n`);
await db.$disconnect();
stop();
process.exit(0);
