// Resolves the database a script should use: DATABASE_URL when set, otherwise the
// embedded PostgreSQL whose data lives in .data/ (started for the script and stopped after).
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { findFreePort, startEmbeddedPostgres } from "./embedded-postgres.mjs";

export const dataDir = path.resolve(process.env.DATA_DIR ?? ".data");

/** The embedded database of a running `npm start`, if there is one answering. */
async function runningEmbedded() {
  const file = path.join(dataDir, "database-url");
  if (!existsSync(file)) return null;
  const url = readFileSync(file, "utf8").trim();
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return url;
  } catch {
    return null;
  } finally {
    await client.end().catch(() => {});
  }
}

export async function withDatabase(fn) {
  if (process.env.DATABASE_URL) return fn(process.env.DATABASE_URL);
  const running = await runningEmbedded();
  if (running) return fn(running);
  const port = await findFreePort(Number(process.env.EMBEDDED_PG_PORT ?? 54329));
  const server = await startEmbeddedPostgres({ rootDir: dataDir, port });
  try {
    return await fn(server.url);
  } finally {
    await server.stop();
  }
}
