// Runs wrk (installed from Debian when missing, as scripts/test-all.mjs does for Chromium) and
// reads the figures its Lua `done()` hook prints (bench/wrk/report.lua).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

export type WrkFigures = {
  requests: number;
  seconds: number;
  rps: number;
  /** Milliseconds. */
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** Socket errors, timeouts, statuses of 400 and above, and answers the script found wrong. */
  errors: number;
  failedSample: string;
};

type Report = {
  requests: number;
  duration_us: number;
  p50_us: number;
  p95_us: number;
  p99_us: number;
  max_us: number;
  connect: number;
  read: number;
  write: number;
  timeout: number;
  status: number;
  failed: number;
  failed_sample: string;
};

const ms = (us: number) => Math.round(us / 10) / 100;

/** The figures in wrk's output: the line the Lua `done()` hook wrote. */
export function parseWrkOutput(output: string): WrkFigures {
  const line = output.split("\n").find((candidate) => candidate.startsWith("BENCH_JSON "));
  if (!line) throw new Error(`wrk printed no BENCH_JSON line:\n${output.slice(-2000)}`);
  const report = JSON.parse(line.slice("BENCH_JSON ".length)) as Report;
  const seconds = report.duration_us / 1e6;
  return {
    requests: report.requests,
    seconds: Math.round(seconds * 100) / 100,
    rps: seconds > 0 ? Math.round((report.requests / seconds) * 10) / 10 : 0,
    p50: ms(report.p50_us),
    p95: ms(report.p95_us),
    p99: ms(report.p99_us),
    max: ms(report.max_us),
    errors: report.connect + report.read + report.write + report.timeout + report.status + report.failed,
    failedSample: report.failed_sample,
  };
}

export function ensureWrk() {
  if (spawnSync("sh", ["-c", "command -v wrk"]).status === 0) return;
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (isRoot && existsSync("/usr/bin/apt-get")) {
    console.log("wrk is missing: installing it from Debian…");
    const installed = spawnSync("sh", ["-c", "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk"], { stdio: "inherit" });
    if (installed.status === 0) return;
  }
  throw new Error("wrk was not found: install it (Debian: apt-get install wrk) and run again.");
}

export type WrkRun = {
  url: string;
  connections: number;
  seconds: number;
  headers: Record<string, string>;
  /** A Lua script; bench/wrk/report.lua by default. */
  script?: string;
  scriptArgs?: string[];
};

/** One wrk run on one thread (the server, not wrk, is the limit on two cores). */
export function runWrk(run: WrkRun): WrkFigures {
  const args = [
    "-t1",
    `-c${run.connections}`,
    `-d${run.seconds}s`,
    "--timeout",
    "60s",
    "-s",
    run.script ?? "bench/wrk/report.lua",
    ...Object.entries(run.headers).flatMap(([name, value]) => ["-H", `${name}: ${value}`]),
    run.url,
    ...(run.scriptArgs?.length ? ["--", ...run.scriptArgs] : []),
  ];
  const result = spawnSync("wrk", args, { encoding: "utf8", maxBuffer: 16 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`wrk failed (${result.status}): ${result.stderr || result.stdout}`);
  return parseWrkOutput(result.stdout);
}
