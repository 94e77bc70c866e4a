// The two servers npm run bench measures, on loopback: the app's production build on its own
// embedded database (through scripts/start.mjs, as bench/load.ts does; its output goes to
// app.log there) and the reference floor.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, openSync, readFileSync, readdirSync, rmSync } from "node:fs";

const nextBin = "node_modules/next/dist/bin/next";

export function build() {
  for (const [label, command, args] of [
    ["the app", "npm", ["run", "build"]],
    ["the reference floor", process.execPath, [nextBin, "build", "bench/floor"]],
  ] as const) {
    console.log(`Building ${label}…`);
    const result = spawnSync(command, args, { stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
    if (result.status !== 0) throw new Error(`Building ${label} failed.`);
  }
}

export type Server = {
  base: string;
  stop: () => Promise<void>;
  waitUntilIdle: () => Promise<number>;
  /** CPU time, ms, the server's processes have used so far. */
  cpuMs: () => number;
};

/** The id of the process listening on `port` (the primary of scripts/serve.mjs), from ss. */
function listenerPid(port: number): number | null {
  const output = spawnSync("ss", ["-ltnpH", `sport = :${port}`], { encoding: "utf8" }).stdout ?? "";
  const match = /pid=(\d+)/.exec(output);
  return match ? Number(match[1]) : null;
}

/** CPU ticks used by `pid` and its child processes (the server processes it started). */
function cpuTicks(pid: number): number {
  let ticks = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const fields = readFileSync(`/proc/${entry}/stat`, "utf8").split(") ")[1]!.split(" ");
      if (Number(entry) === pid || Number(fields[1]) === pid) ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // the process ended while we looked
    }
  }
  return ticks;
}

/**
 * Watches the server on `port` (its processes' CPU time from /proc, in ticks of 10 ms).
 * `waitUntilIdle` waits until they have used under a tenth of a core for a whole second: wrk
 * stops at its deadline, but the server still renders what was in flight, which would slow
 * the next measurement. It returns the seconds waited (at most two minutes).
 */
function watcher(port: number): Pick<Server, "waitUntilIdle" | "cpuMs"> {
  const pid = listenerPid(port);
  const cpuMs = () => (pid && existsSync(`/proc/${pid}/stat`) ? cpuTicks(pid) * 10 : 0);
  const waitUntilIdle = async () => {
    if (!pid || !existsSync(`/proc/${pid}/stat`)) return 0;
    const started = Date.now();
    let before = cpuTicks(pid);
    while (Date.now() - started < 120_000) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const now = cpuTicks(pid);
      if (now - before < 10) break; // 10 ticks of 10 ms: a tenth of a second of CPU in a second
      before = now;
    }
    return Math.round((Date.now() - started) / 1000);
  };
  return { waitUntilIdle, cpuMs };
}

function stopper(child: ChildProcess) {
  return () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
      child.once("exit", () => {
        clearTimeout(timer);
        resolve();
      });
      child.kill("SIGTERM");
    });
}

async function waitFor(url: string, child: ChildProcess, minutes = 5) {
  for (let attempt = 0; attempt < minutes * 60; attempt += 1) {
    if (child.exitCode !== null) throw new Error(`The server for ${url} exited (${child.exitCode}).`);
    const ok = await fetch(url).then((response) => response.ok).catch(() => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error(`${url} did not answer in ${minutes} minutes.`);
}

/** The app on a fresh embedded database in `dataDir` (migrated, with the demo data). */
export async function startApp(options: { port: number; dataDir: string; pgPort: number }): Promise<Server> {
  rmSync(options.dataDir, { recursive: true, force: true });
  mkdirSync(options.dataDir, { recursive: true });
  // The app's log (JSON lines, warnings and errors), to look up the reference of a failed answer.
  const log = openSync(`${options.dataDir}/app.log`, "w");
  const child = spawn(process.execPath, ["scripts/start.mjs"], {
    env: { ...process.env, PORT: String(options.port), DATA_DIR: options.dataDir, EMBEDDED_PG_PORT: String(options.pgPort), DATABASE_URL: "", LOG_LEVEL: "warn" },
    stdio: ["ignore", log, log],
  });
  const base = `http://localhost:${options.port}`;
  const stop = stopper(child);
  try {
    await waitFor(`${base}/api/health/ready`, child);
  } catch (error) {
    await stop();
    throw error;
  }
  return { base, stop, ...watcher(options.port) };
}

export async function startFloor(port: number): Promise<Server> {
  // As many server processes as the app runs (WEB_CONCURRENCY), so that ratios compare like with like.
  const child = spawn(process.execPath, ["scripts/serve.mjs", "bench/floor"], {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", PORT: String(port) },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const base = `http://localhost:${port}`;
  const stop = stopper(child);
  try {
    await waitFor(`${base}/hello`, child, 1);
  } catch (error) {
    await stop();
    throw error;
  }
  return { base, stop, ...watcher(port) };
}

/** Milliseconds to fetch `url` and read its whole body; refuses anything but a 200. */
export async function timeFetch(url: string, headers: Record<string, string>): Promise<number> {
  const started = performance.now();
  const response = await fetch(url, { headers, redirect: "manual" });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}.`);
  return performance.now() - started;
}
