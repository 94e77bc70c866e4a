// `npm run db:reset`: empties the database (DATABASE_URL or the embedded one in .data/),
// applies every migration and loads the demo data again. Refuses a non-local server.
import { spawnSync } from "node:child_process";
import pg from "pg";
import { withDatabase } from "./database.mjs";
import { runPrisma } from "./prisma.mjs";

await withDatabase(async (url) => {
  const host = new URL(url).hostname;
  if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(host)) {
    throw new Error(`Refusing to reset a database on ${host}: db:reset is for local databases only.`);
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
  await client.end();
  runPrisma(["migrate", "deploy"], { env: { DATABASE_URL: url }, quiet: true });
  const seeded = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "prisma/seed.ts"], {
    env: { ...process.env, DATABASE_URL: url, NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? "x".repeat(32) },
    stdio: "inherit",
  });
  if (seeded.status !== 0) throw new Error("loading the demo data failed");
});
