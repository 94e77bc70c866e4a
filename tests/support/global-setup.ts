import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { findFreePort, startEmbeddedPostgres } from "../../scripts/embedded-postgres.mjs";
// @ts-expect-error: plain ESM scripts without type declarations
import { runPrisma } from "../../scripts/prisma.mjs";

declare module "vitest" {
  export interface ProvidedContext {
    adminUrl: string;
    templateDatabase: string;
  }
}

const TEMPLATE = "rr_test_template";

// embedded-postgres installs an exit hook that ends the process with code 0 once the event loop
// drains, which would hide Vitest's failing exit code. Keep the code Vitest set.
let intendedExitCode: string | number | null | undefined;
process.on("beforeExit", () => {
  intendedExitCode ??= process.exitCode;
});
process.on("exit", () => {
  if (intendedExitCode && Number(intendedExitCode) !== 0) process.exitCode = intendedExitCode;
});

function assertLocal(url: string) {
  const host = new URL(url).hostname;
  if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(host)) {
    throw new Error(`Refusing to run integration tests against a non-local database (${host}).`);
  }
}

/**
 * Once per run: a PostgreSQL server (embedded, in a temporary folder, unless DATABASE_URL
 * names a local server) and a template database with every migration applied. Each test
 * file then gets its own copy of the template (tests/support/database.ts).
 */
export default async function setup(project: TestProject) {
  let adminUrl: string;
  let stopServer = async () => {};
  let tempDir: string | undefined;
  if (process.env.DATABASE_URL) {
    assertLocal(process.env.DATABASE_URL);
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = "/postgres";
    adminUrl = url.toString();
  } else {
    tempDir = mkdtempSync(path.join(os.tmpdir(), "rr-test-pg-"));
    chmodSync(tempDir, 0o755); // the server runs as the postgres user when we are root
    const server = await startEmbeddedPostgres({ rootDir: tempDir, port: await findFreePort(Number(process.env.TEST_PG_PORT ?? 55432)), database: "postgres" });
    adminUrl = server.adminUrl;
    stopServer = server.stop;
  }

  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE}`);
  await admin.query(`CREATE DATABASE ${TEMPLATE}`);
  await admin.end();
  const templateUrl = new URL(adminUrl);
  templateUrl.pathname = `/${TEMPLATE}`;
  runPrisma(["migrate", "deploy"], { env: { DATABASE_URL: templateUrl.toString() }, quiet: true });

  project.provide("adminUrl", adminUrl);
  project.provide("templateDatabase", TEMPLATE);

  return async () => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    const { rows } = await client.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE datname LIKE 'rr_test_%'",
    );
    for (const row of rows) await client.query(`DROP DATABASE IF EXISTS "${row.datname}" WITH (FORCE)`);
    await client.end();
    await stopServer();
    if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  };
}
