// Shared by the front-end benchmarks: start the production build on its own embedded
// database with the demo data, wait until it is ready, sign in through next-auth.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";

export type AppServer = { base: string; stop: () => void };

/** Builds the app when there is no production build yet (`npm run build`). */
export function ensureBuild() {
  if (existsSync(".next/BUILD_ID")) return;
  console.log("No production build yet: running npm run build …");
  const built = spawnSync("npm", ["run", "build"], { stdio: "inherit" });
  if (built.status !== 0) throw new Error("npm run build failed.");
}

/** Starts `scripts/start.mjs` with a fresh data directory; resolves once /api/health/ready answers. */
export async function startApp({ port, pgPort, dataDir }: { port: number; pgPort: number; dataDir: string }): Promise<AppServer> {
  rmSync(dataDir, { recursive: true, force: true });
  const server = spawn(process.execPath, ["scripts/start.mjs"], {
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(pgPort), DATABASE_URL: "" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const stop = () => {
    if (server.exitCode === null) server.kill("SIGTERM");
  };
  process.on("exit", stop);
  const base = `http://localhost:${port}`;
  try {
    await waitForReady(base, () => server.exitCode);
  } catch (error) {
    stop();
    throw error;
  }
  return { base, stop };
}

/** Resolves once the app at `base` answers /api/health/ready; gives up after 5 minutes. */
export async function waitForReady(base: string, exitCode: () => number | null = () => null) {
  for (let attempt = 0; attempt < 300; attempt += 1) {
    if (exitCode() !== null) throw new Error(`The app stopped (exit ${exitCode()}) before it was ready.`);
    const ready = await fetch(`${base}/api/health/ready`).then((response) => response.ok).catch(() => false);
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error("The app did not become ready in 5 minutes.");
}

/** Signs in through next-auth's credentials flow and returns the session cookie ("name=value"). */
export async function signIn(base: string, email: string, password = "ready-for-release"): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookies = csrf.headers.getSetCookie().map((cookie) => cookie.split(";")[0] ?? "").join("; ");
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookies },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  const session = response.headers.getSetCookie().map((cookie) => cookie.split(";")[0] ?? "").find((cookie) => cookie.includes("session-token"));
  if (!session) throw new Error(`Signing in as ${email} failed.`);
  return session;
}
