// The two servers npm run bench measures, on loopback: the app's production build on its own
// embedded database (through scripts/start.mjs, as bench/load.ts does) and the reference floor.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";

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

export type Server = { base: string; stop: () => Promise<void> };

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
  const child = spawn(process.execPath, ["scripts/start.mjs"], {
    env: { ...process.env, PORT: String(options.port), DATA_DIR: options.dataDir, EMBEDDED_PG_PORT: String(options.pgPort), DATABASE_URL: "", LOG_LEVEL: "warn" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const base = `http://localhost:${options.port}`;
  const stop = stopper(child);
  try {
    await waitFor(`${base}/api/health/ready`, child);
  } catch (error) {
    await stop();
    throw error;
  }
  return { base, stop };
}

export async function startFloor(port: number): Promise<Server> {
  const child = spawn(process.execPath, [nextBin, "start", "bench/floor", "-p", String(port)], {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
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
  return { base, stop };
}

const cookiesOf = (response: Response) => response.headers.getSetCookie().map((cookie) => cookie.split(";")[0] ?? "");

/** Signs in through next-auth's credentials flow and returns the session cookie. */
export async function signIn(base: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookiesOf(csrf).join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  const session = cookiesOf(response).find((cookie) => cookie.includes("session-token"));
  if (!session) throw new Error(`Signing in as ${email} failed.`);
  return session;
}

/** Milliseconds to fetch `url` and read its whole body; refuses anything but a 200. */
export async function timeFetch(url: string, headers: Record<string, string>): Promise<number> {
  const started = performance.now();
  const response = await fetch(url, { headers, redirect: "manual" });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}.`);
  return performance.now() - started;
}
