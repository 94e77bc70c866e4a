// Writes a new migration from the change to prisma/schema.prisma since the last one:
//   npm run db:migration -- add_risk_owner
// It diffs prisma/migrations/last-schema.prisma (the schema the last migration produced)
// against the current schema, so no shadow database and no `migrate dev` is needed.
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { runPrisma } from "./prisma.mjs";
import { withDatabase } from "./database.mjs";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:migration -- <name_in_snake_case>");
  process.exit(1);
}

const last = path.join("prisma", "migrations", "last-schema.prisma");
const current = path.join("prisma", "schema.prisma");

await withDatabase(async (url) => {
  const sql = runPrisma(
    ["migrate", "diff", "--from-schema-datamodel", last, "--to-schema-datamodel", current, "--script"],
    { env: { DATABASE_URL: url }, quiet: true },
  );
  if (!/^\s*(CREATE|ALTER|DROP)/im.test(sql)) {
    console.log("The schema has not changed since the last migration: nothing to write.");
    return;
  }
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const dir = path.join("prisma", "migrations", `${stamp}_${name}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "migration.sql"), sql);
  copyFileSync(current, last);
  console.log(`Wrote ${dir}/migration.sql. Review it, add any CHECK constraints, then run npm run db:deploy.`);
});
