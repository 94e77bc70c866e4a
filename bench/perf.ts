// npm run bench: the load benchmark of issue 8. Builds the app and the reference floor
// (bench/floor), starts both on loopback (the app on its own embedded database in
// .data/bench-perf), loads the bench data (bench/data.ts), signs in, and measures each target
// with wrk at concurrency 1 and 10: a warm-up, then BENCH_REPS (3) runs of BENCH_SECONDS (15)
// each (longer for a page too slow to finish three requests per connection in that time),
// reporting the medians. Then the scaling curve: the dashboard and the checklist of the
// 100-, 1,000- and 5,000-item releases. Prints tables and the budgets (never fails on them) and
// writes bench/results/latest.json. Figures, not a test: the machine may be busy.
// Knobs: BENCH_SECONDS, BENCH_MAX_SECONDS, BENCH_REPS, BENCH_WARMUP (s, the floor's), BENCH_SCALING_RUNS, BENCH_SCALE, BENCH_SEED,
// BENCH_SKIP_BUILD=1 (reuse both builds), BENCH_ONLY (comma-separated target names).
import { execSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import { checkBudgets, compareWithFloor, formatTable, median, scalingVerdicts, summarize, type Result, type RunFigures, type ScalingPoint, type Target } from "./lib/results";
import { signIn } from "./app-server";
import { build, startApp, startFloor, timeFetch, type Server } from "./lib/servers";
import { ensureWrk, runWrk, type WrkFigures } from "./lib/wrk";
import { serverProcessCount } from "../scripts/server-processes.mjs";

const num = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number.`);
  return value;
};
const seconds = num("BENCH_SECONDS", 15);
const reps = num("BENCH_REPS", 3);
const warmup = num("BENCH_WARMUP", 5);
const maxSeconds = num("BENCH_MAX_SECONDS", 45);
const scalingRuns = num("BENCH_SCALING_RUNS", 7);
const concurrencies = [1, 10];
const dataDir = ".data/bench-perf";
const itemsFile = `${dataDir}/action-items.txt`;

// The commit measured: read now, before the long run, in case the tree changes meanwhile.
const dirty = execSync("git status --porcelain --untracked-files=no", { encoding: "utf8" }).trim() !== "";
const commit = `${execSync("git rev-parse --short HEAD", { encoding: "utf8" }).trim()}${dirty ? "-dirty" : ""}`;
ensureWrk();
if (process.env.BENCH_SKIP_BUILD !== "1") build();
const servers: Server[] = [];
const stopAll = () => Promise.all(servers.map((server) => server.stop()));
process.on("SIGINT", () => void stopAll().then(() => process.exit(130)));

try {
  console.log("Starting the app (port 3500, embedded PostgreSQL on 56800) and the floor (port 3501)…");
  const app = await startApp({ port: 3500, dataDir, pgPort: 56800 });
  servers.push(app);
  const floor = await startFloor(3501);
  servers.push(floor);

  process.env.DATABASE_URL = readFileSync(`${dataDir}/database-url`, "utf8").trim();
  process.env.NEXTAUTH_SECRET ??= "bench-secret-not-used-to-sign-anything-here";
  const { db } = await import("@/lib/db");
  const { benchPassword, generateBenchData, optionsFromEnv } = await import("./lib/data-load");
  const action = await import("./lib/item-action");
  console.log("Loading the bench data…");
  const data = await generateBenchData({ ...optionsFromEnv(), now: new Date() }, (message) => console.log(`  ${message}`));
  console.log(`  loaded in ${data.seconds.toFixed(1)} s`);
  const cookie = await signIn(app.base, data.managerEmail, benchPassword);
  const headers = { Cookie: cookie };
  const large = `/releases/${data.largeReleaseId}`;
  const actionId = action.findActionId();

  const targets: (Target & { base: string; expect: string; isAction?: boolean })[] = [
    { name: "floor /hello", path: "/hello", floor: null, base: floor.base, expect: "Hello" },
    { name: "floor /table", path: "/table", floor: null, base: floor.base, expect: "<td>250</td>" },
    { name: "dashboard", path: large, floor: "/hello", base: app.base, expect: "Bench large release" },
    { name: "checklist", path: `${large}/checklist`, floor: "/table", base: app.base, expect: "Bench large release" },
    { name: "portfolio", path: "/", floor: "/hello", base: app.base, expect: "Bench" },
    { name: "stakeholder view", path: `${large}/status`, floor: "/hello", base: app.base, expect: "Bench large release" },
    { name: "item status change", path: `${large}/checklist`, floor: "/hello", base: app.base, expect: "", isAction: true },
  ];
  const only = process.env.BENCH_ONLY?.split(",").map((name) => name.trim());
  const measured = targets.filter((target) => !only || !target.floor || only.includes(target.name));

  // Every page answers 200 with its content (not the sign-in page), and the action changes an
  // item. Three sequential requests each warm the server up and time one request.
  const single = new Map<string, number>();
  for (const target of measured) {
    const times: number[] = [];
    for (let run = 0; run < 3; run += 1) {
      const started = performance.now();
      if (target.isAction) await action.checkActionOnce(app.base, target.path, actionId, cookie, data.largeReleaseId);
      else {
        const response = await fetch(`${target.base}${target.path}`, { headers, redirect: "manual" });
        const body = await response.text();
        if (response.status !== 200 || !body.includes(target.expect)) throw new Error(`${target.name} (${target.path}) answered ${response.status} without "${target.expect}".`);
      }
      times.push(performance.now() - started);
    }
    single.set(target.name, median(times));
    console.log(`  ${target.name}: one request takes ${Math.round(median(times))} ms`);
  }
  // A slow page gets a longer run, so each connection finishes about three requests (up to
  // BENCH_MAX_SECONDS); after each run the server finishes what wrk left in flight.
  const durationOf = (target: Target, connections: number) => Math.round(Math.min(maxSeconds, Math.max(seconds, (3 * connections * single.get(target.name)!) / 1000)));
  const serverOf = (target: (typeof targets)[number]) => (target.base === app.base ? app : floor);

  const measure = async (target: (typeof targets)[number], connections: number, duration: number): Promise<WrkFigures> => {
    if (!target.isAction) return runWrk({ url: `${target.base}${target.path}`, connections, seconds: duration, headers: target.base === app.base ? headers : {} });
    const items = await action.writeItemsFile(data.largeReleaseId, itemsFile);
    const before = await action.lastAuditId();
    const figures = runWrk({ url: `${app.base}${target.path}`, connections, seconds: duration, headers: { ...headers, Origin: app.base }, script: "bench/wrk/action.lua", scriptArgs: [itemsFile, target.path, actionId] });
    // The database must show a status change for every answered request (and at most the
    // requests still in flight when wrk stopped on top); anything else counts as errors.
    const recorded = await action.countStatusChanges(data.managerEmail, before);
    const answered = figures.requests - figures.errors;
    const missing = Math.max(0, answered - recorded) + Math.max(0, recorded - figures.requests - connections);
    if (figures.failedSample) console.log(`    first failed answer: ${figures.failedSample}`);
    console.log(`    ${recorded} status changes recorded for ${figures.requests} requests (${items} items cycled)`);
    return { ...figures, errors: figures.errors + missing };
  };

  for (const target of measured.filter((candidate) => !candidate.floor)) runWrk({ url: `${target.base}${target.path}`, connections: 10, seconds: warmup, headers: {} });
  const runs = new Map<string, RunFigures[]>();
  for (const concurrency of concurrencies) {
    for (let rep = 1; rep <= reps; rep += 1) {
      // Repetitions go round the targets, so a burst of load from elsewhere spreads over all of them.
      for (const target of measured) {
        const cpuBefore = serverOf(target).cpuMs();
        const measuredRun = await measure(target, concurrency, durationOf(target, concurrency));
        const waited = await serverOf(target).waitUntilIdle();
        // The server's CPU over the run and its draining, per request answered.
        const figures = { ...measuredRun, cpuMs: measuredRun.requests > 0 ? (serverOf(target).cpuMs() - cpuBefore) / measuredRun.requests : undefined };
        console.log(`  c=${concurrency} rep ${rep} ${target.name} (${figures.seconds} s): ${figures.rps} req/s, p50 ${figures.p50} ms, p95 ${figures.p95} ms, p99 ${figures.p99} ms, ${figures.errors} errors, server CPU ${figures.cpuMs?.toFixed(1) ?? "-"} ms a request${waited > 1 ? `; idle after ${waited} s` : ""}`);
        runs.set(`${target.name}@${concurrency}`, [...(runs.get(`${target.name}@${concurrency}`) ?? []), figures]);
      }
    }
  }
  const results: Result[] = compareWithFloor(
    concurrencies.flatMap((concurrency) => measured.map((target) => summarize(target, concurrency, runs.get(`${target.name}@${concurrency}`)!))),
    targets,
  );

  console.log(`Scaling curve: median of ${scalingRuns} sequential requests after 2 warm-ups…`);
  const scaling: ScalingPoint[] = [];
  for (const { items, releaseId } of data.scaling) {
    for (const [page, path] of [["dashboard", `/releases/${releaseId}`], ["checklist", `/releases/${releaseId}/checklist`]] as const) {
      const times: number[] = [];
      for (let run = 0; run < scalingRuns + 2; run += 1) times.push(await timeFetch(`${app.base}${path}`, headers));
      scaling.push({ page, items, ms: Math.round(median(times.slice(2)) * 10) / 10 });
    }
  }

  const budgets = checkBudgets(results);
  const verdicts = scalingVerdicts(scaling);
  console.log(`\nMedians of ${reps} runs of ${seconds} s (latencies in ms; ratio = p95 / floor p95):\n`);
  console.log(formatTable(results));
  console.log("\nBudgets at concurrency 10 (printed, not enforced):\n");
  console.log(formatTable(budgets.map((budget) => ({ ...budget, holds: budget.holds ? "yes" : "NO" }))));
  console.log("\nScaling (ms for the whole answer, by items in the release):\n");
  console.log(formatTable(verdicts.map((verdict) => ({ page: verdict.page, ...verdict.times, growth: `${verdict.growth}x for ${verdict.sizeGrowth}x items`, "at most linear": verdict.atMostLinear ? "yes" : "NO" }))));

  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.versions.node}`;
  mkdirSync("bench/results", { recursive: true });
  const report = { machine, serverProcesses: serverProcessCount(), commit, date: new Date().toISOString(), seconds, reps, results, budgets, scaling, scalingVerdicts: verdicts };
  writeFileSync("bench/results/latest.json", `${JSON.stringify(report, null, 2)}\n`);
  console.log("\nWritten to bench/results/latest.json.");
  await db.$disconnect();
} finally {
  await stopAll();
}
process.exit(0);
