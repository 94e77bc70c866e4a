// Resolves the database a script should use: DATABASE_URL when set, otherwise the
// embedded PostgreSQL whose data lives in .data/ (started for the script and stopped after).
import path from "node:path";
import { findFreePort, startEmbeddedPostgres } from "./embedded-postgres.mjs";

export const dataDir = path.resolve(process.env.DATA_DIR ?? ".data");

export async function withDatabase(fn) {
  if (process.env.DATABASE_URL) return fn(process.env.DATABASE_URL);
  const port = await findFreePort(Number(process.env.EMBEDDED_PG_PORT ?? 54329));
  const server = await startEmbeddedPostgres({ rootDir: dataDir, port });
  try {
    return await fn(server.url);
  } finally {
    await server.stop();
  }
}
