// npm run bench:load: reads and sign-offs against the production build, on a PostgreSQL of its
// own with the demo data, in two runs of 60 s (BENCH_SECONDS to change):
//   steady: 40 page reads a second (portfolio, release overview, checklist, stakeholder view,
//           signed in) and 5 sign-offs a second through the real server action;
//   faults: the same load while every database connection is terminated at 1/3 of the run and
//           PostgreSQL is restarted at 2/3 of it.
// Then it checks that every acknowledged sign-off is stored exactly once with its audit event
// and that the audit chain verifies. Prints the figures and writes bench/results/load.json.
// Not part of npm test: figures, not assertions, on a machine that may be busy.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import autocannon from "autocannon";
import pg from "pg";
import { startEmbeddedPostgres } from "../scripts/embedded-postgres.mjs";
import { actionId, benchPassword, countUncaught, encodeSignoff, prepareSignoffRoles, signIn, startApp, waitForReady, type Submission } from "./load-setup";
import { serverProcessCount } from "../scripts/server-processes.mjs";

const port = Number(process.env.BENCH_PORT ?? 3400);
const pgPort = Number(process.env.BENCH_PG_PORT ?? 56700);
const base = `http://localhost:${port}`;
const seconds = Number(process.env.BENCH_SECONDS ?? 60);
const rootDir = ".data/bench-load";
const approverCount = 5;

rmSync(rootDir, { recursive: true, force: true });
let database = await startEmbeddedPostgres({ rootDir, port: pgPort });
const app = startApp(port, database.url);
const uncaught = countUncaught(app);
process.on("exit", () => app.kill("SIGTERM"));
await waitForReady(base);

process.env.DATABASE_URL = database.url;
process.env.NEXTAUTH_SECRET = "bench-secret-0123456789abcdef0123456789";
const { db } = await import("@/lib/db");
const { hashPassword } = await import("@/lib/password");
const { verifyAuditChain } = await import("@/lib/audit-chain");

const manager = await db.user.findUniqueOrThrow({ where: { email: "manager@example.com" }, select: { id: true } });
const release = await db.release.findFirstOrThrow({ where: { name: { startsWith: "RaOS" } }, select: { id: true } });
const passwordHash = await hashPassword(benchPassword);
const approvers = await db.user.createManyAndReturn({
  data: Array.from({ length: approverCount }, (_, index) => ({ email: `bench-approver-${index}@example.test`, name: `Bench approver ${index}`, role: "APPROVER" as const, passwordHash })),
  select: { id: true, email: true },
});
const lanes = Math.ceil((seconds * 5 * 1.2) / approverCount);
const readCookie = await signIn(base, "manager@example.com", "ready-for-release");
const approverCookies = await Promise.all(approvers.map((approver) => signIn(base, approver.email, benchPassword)));
const signoffAction = actionId("recordSignoffAction");

type Write = Submission & { cookie: string; path: string };

/** Enough first sign-offs for one run, taking turns between the approvers. */
async function prepareWrites(): Promise<Write[]> {
  const roles = await prepareSignoffRoles(db, manager.id, approvers.map((approver) => approver.id), lanes);
  const writes: Write[] = [];
  for (const roleId of roles.roleIds) {
    for (const cookie of approverCookies) writes.push({ ...(await encodeSignoff(roleId, roles.basisRevision)), cookie, path: `/releases/${roles.releaseId}/signoffs` });
  }
  return writes;
}

function run(options: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => autocannon(options, (error, result) => (error ? reject(error) : resolve(result))));
}

async function measure(name: string, faults: boolean) {
  const writes = await prepareWrites();
  const uncaughtBefore = uncaught();
  const acknowledged: string[] = [];
  const successAt: number[] = [];
  let next = 0;
  const started = Date.now();
  const events: Record<string, number> = {};
  const timers = faults
    ? [
        setTimeout(async () => {
          const client = new pg.Client({ connectionString: database.url });
          await client.connect();
          const { rowCount } = await client.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()");
          await client.end();
          events.terminated = Date.now() - started;
          console.log(`  ${(events.terminated / 1000).toFixed(1)} s: terminated ${rowCount} database connections`);
        }, (seconds * 1000) / 3),
        setTimeout(async () => {
          events.stopping = Date.now() - started;
          await database.stop();
          database = await startEmbeddedPostgres({ rootDir, port: pgPort });
          events.returned = Date.now() - started;
          console.log(`  ${(events.stopping / 1000).toFixed(1)} s: PostgreSQL stopped; back at ${(events.returned / 1000).toFixed(1)} s`);
        }, (seconds * 2000) / 3),
      ]
    : [];
  const onSuccess = (status: number) => {
    if (status >= 200 && status < 400) successAt.push(Date.now() - started);
  };
  const pages = ["/", `/releases/${release.id}`, `/releases/${release.id}/checklist`, `/releases/${release.id}/status`];
  console.log(`${name}: ${seconds} s of 40 reads/s and 5 sign-offs/s against ${base} …`);
  const [reads, signoffs] = await Promise.all([
    run({ url: base, connections: 10, overallRate: 40, duration: seconds, timeout: 35, headers: { cookie: readCookie }, requests: pages.map((path) => ({ method: "GET", path, onResponse: onSuccess })) }),
    run({
      url: base,
      connections: 5,
      overallRate: 5,
      duration: seconds,
      timeout: 35,
      requests: [
        {
          method: "POST",
          setupRequest: (request, context) => {
            const write = writes[next++ % writes.length]!;
            (context as { key?: string }).key = write.key;
            return { ...request, path: write.path, body: write.body, headers: { cookie: write.cookie, origin: base, "next-action": signoffAction, "content-type": write.contentType, accept: "text/x-component" } };
          },
          onResponse: (status, body, context) => {
            onSuccess(status);
            if (status === 200 && body.includes('"status":"success"')) acknowledged.push(String((context as { key?: string }).key));
          },
        },
      ],
    }),
  ]);
  timers.forEach(clearTimeout);
  const firstAfter = events.returned === undefined ? undefined : successAt.find((at) => at >= events.returned!);
  const firstSuccessAfterReturn = firstAfter === undefined || events.returned === undefined ? null : firstAfter - events.returned;
  return { name, reads, signoffs, acknowledged, events, firstSuccessAfterReturn, uncaughtExceptions: uncaught() - uncaughtBefore };
}

/** Every acknowledged sign-off is stored once, with its audit event; and the chain holds. */
async function verify(acknowledged: string[]) {
  const stored = await db.signoff.findMany({ where: { idempotencyKey: { in: acknowledged } }, select: { id: true, idempotencyKey: true } });
  const audited = await db.auditEvent.groupBy({ by: ["entityId"], where: { entityType: "signoff", entityId: { in: stored.map((row) => row.id) } }, _count: true });
  const chain = await verifyAuditChain(db);
  return {
    acknowledged: acknowledged.length,
    storedOnce: new Set(stored.map((row) => row.idempotencyKey)).size === acknowledged.length && stored.length === acknowledged.length,
    auditedOnce: audited.length === stored.length && audited.every((row) => row._count === 1),
    chain: chain.firstBreak ? `broken at ${chain.firstBreak.id}: ${chain.firstBreak.reason}` : `verifies (${chain.checked} events)`,
  };
}

const figures = (name: string, result: autocannon.Result) => ({
  name,
  requests: result.requests.total,
  rps: Math.round(result.requests.average * 10) / 10,
  p50: result.latency.p50,
  // autocannon reports p90, p97.5 and p99; p97.5 stands in for p95 and overstates it slightly.
  p97_5: result.latency.p97_5,
  p99: result.latency.p99,
  max: result.latency.max,
  errors: result.errors,
  timeouts: result.timeouts,
  non2xx: result.non2xx,
  status5xx: result["5xx"],
});

const report = [];
for (const [name, faults] of [["steady", false], ["faults", true]] as const) {
  const result = await measure(name, faults);
  const checks = await verify(result.acknowledged);
  console.table([figures(`${name}: page reads`, result.reads), figures(`${name}: sign-offs`, result.signoffs)]);
  console.log(`  acknowledged sign-offs ${checks.acknowledged}; stored exactly once: ${checks.storedOnce}; one audit event each: ${checks.auditedOnce}; audit chain ${checks.chain}`);
  const firstSuccess = result.firstSuccessAfterReturn === null ? "no success after PostgreSQL was back before the run ended" : `first success ${result.firstSuccessAfterReturn} ms after PostgreSQL was back`;
  if (faults) console.log(`  ${firstSuccess}; longest request ${Math.max(result.reads.latency.max, result.signoffs.latency.max)} ms`);
  console.log(`  uncaught exceptions in the app: ${result.uncaughtExceptions}`);
  report.push({ name, reads: figures("page reads", result.reads), signoffs: figures("sign-offs", result.signoffs), events: result.events, firstSuccessAfterReturnMs: result.firstSuccessAfterReturn, uncaughtExceptions: result.uncaughtExceptions, checks });
}
mkdirSync("bench/results", { recursive: true });
const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB`;
writeFileSync("bench/results/load.json", `${JSON.stringify({ date: new Date().toISOString(), machine, seconds, serverProcesses: serverProcessCount(), runs: report }, null, 2)}\n`);
await db.$disconnect();
app.kill("SIGTERM");
await new Promise((resolve) => setTimeout(resolve, 2000));
await database.stop();
process.exit(0);
