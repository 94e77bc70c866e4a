// `npm start`: serves the app on PORT (3000). With no DATABASE_URL it starts the embedded
// PostgreSQL (data in .data/), applies migrations, loads the demo data on first start,
// and stops the database cleanly when the app stops. `--dev` runs `next dev` instead.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { findFreePort, startEmbeddedPostgres } from "./embedded-postgres.mjs";
import { runPrisma } from "./prisma.mjs";
import { dataDir } from "./database.mjs";
import { serverProcessCount, serverProcessCountProblem } from "./server-processes.mjs";

const isDev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const say = (message) => console.log(`[release-readiness] ${message}`);

function fail(message) {
  console.error(`\n[release-readiness] ${message}\n`);
  process.exit(1);
}

function isPortInUse(p) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", (error) => resolve(error.code === "EADDRINUSE" || error.code === "EACCES"));
    server.once("listening", () => server.close(() => resolve(false)));
    server.listen(p);
  });
}

function readOrCreateSecret() {
  const file = path.join(dataDir, "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

if (!Number.isInteger(port) || port < 1 || port > 65535) fail(`PORT must be a port number, not "${process.env.PORT}".`);
if (!isDev && serverProcessCount() === null) fail(serverProcessCountProblem());
if (await isPortInUse(port)) {
  fail(`Port ${port} is already in use. Stop whatever is using it (is the app already running?) or start on another port: PORT=3001 npm start`);
}

let database;
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", PORT: String(port) };
if (!env.DATABASE_URL) {
  mkdirSync(dataDir, { recursive: true });
  say(`Starting the embedded PostgreSQL (data in ${path.relative(process.cwd(), dataDir) || dataDir}/postgres)…`);
  try {
    database = await startEmbeddedPostgres({ rootDir: dataDir, port: await findFreePort(Number(env.EMBEDDED_PG_PORT ?? 54329)) });
  } catch (error) {
    fail(`The embedded PostgreSQL did not start: ${error.message}`);
  }
  env.DATABASE_URL = database.url;
  env.NEXTAUTH_SECRET ??= readOrCreateSecret();
  // Another instance of the app (or psql) can join this database: DATABASE_URL=$(cat .data/database-url)
  writeFileSync(path.join(dataDir, "database-url"), database.url, { mode: 0o600 });
}
env.NEXTAUTH_URL ??= `http://localhost:${port}`;

async function stopDatabase() {
  if (!database) return;
  say("Stopping the embedded PostgreSQL…");
  await database.stop();
  database = undefined;
}

try {
  if (!existsSync(path.join("lib", "generated", "prisma", "client.ts"))) {
    say("Generating the Prisma client…");
    runPrisma(["generate"], { quiet: true });
  }
  say("Applying database migrations…");
  runPrisma(["migrate", "deploy"], { env: { DATABASE_URL: env.DATABASE_URL }, quiet: true });
  if (database || env.LOAD_DEMO_DATA === "1") {
    const seeded = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "prisma/seed.ts"], { env, stdio: "inherit" });
    if (seeded.status !== 0) throw new Error("loading the demo data failed");
  }
  if (!isDev && !existsSync(path.join(".next", "BUILD_ID"))) {
    say("No production build yet: building (about a minute)…");
    const built = spawnSync("npm", ["run", "build"], { env, stdio: "inherit" });
    if (built.status !== 0) throw new Error("the build failed");
  }
} catch (error) {
  await stopDatabase();
  fail(error.message);
}

// Production: scripts/serve.mjs runs WEB_CONCURRENCY `next start` processes on the one port.
const serverArgs = isDev ? [path.join("node_modules", "next", "dist", "bin", "next"), "dev", "-p", String(port)] : [path.join("scripts", "serve.mjs")];
const server = spawn(process.execPath, serverArgs, { env, stdio: "inherit" });
say(`Serving on http://localhost:${port}`);

let stopping = false;
async function shutdown(signal) {
  if (stopping) return;
  stopping = true;
  server.kill(signal);
}
process.on("SIGINT", () => shutdown("SIGINT"));
process.on("SIGTERM", () => shutdown("SIGTERM"));
server.on("exit", async (code) => {
  await stopDatabase();
  process.exit(code ?? 0);
});
