// Backup and restore (F23) with pg_dump and pg_restore, and the checks that prove a restore:
// a checksum of every table taken in the very snapshot pg_dump copied, compared after the
// restore, and the audit trail's hash chain verified on the restored database.
import { spawnSync } from "node:child_process";
import pg from "pg";

/** Order-independent checksums of every table of the public schema, read in `client`'s snapshot. */
export async function tableChecksums(client) {
  const { rows: tables } = await client.query(
    "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('_prisma_migrations', 'rate_limits') ORDER BY tablename",
  );
  const sums = {};
  for (const { tablename } of tables) {
    const { rows } = await client.query(`SELECT count(*)::int AS rows, coalesce(md5(string_agg(md5(t::text), '' ORDER BY md5(t::text))), '') AS checksum FROM "${tablename}" t`);
    sums[tablename] = rows[0];
  }
  return sums;
}

export function requireTool(name) {
  const found = spawnSync(name, ["--version"], { encoding: "utf8" });
  if (found.status !== 0) {
    throw new Error(`${name} was not found. Install PostgreSQL's client programs (Debian: apt-get install postgresql-client) and try again.`);
  }
  return found.stdout.trim();
}

/** Dumps `url` to `file` (custom format) and returns the checksums of what was dumped. */
export async function backup(url, file) {
  requireTool("pg_dump");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // pg_dump copies exactly the snapshot the checksums are read in.
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const { rows } = await client.query("SELECT pg_export_snapshot() AS snapshot");
    const tables = await tableChecksums(client);
    const dumped = spawnSync("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", `--snapshot=${rows[0].snapshot}`, `--file=${file}`, `--dbname=${url}`], { encoding: "utf8" });
    if (dumped.status !== 0) throw new Error(`pg_dump failed: ${dumped.stderr.trim()}`);
    await client.query("COMMIT");
    return tables;
  } finally {
    await client.end();
  }
}

/** Restores `file` into a new, empty database named `name` on the server of `url`; returns its URL. */
export async function restoreIntoNewDatabase(url, file, name) {
  requireTool("pg_restore");
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const target = new URL(url);
  target.pathname = `/${name}`;
  const restored = spawnSync("pg_restore", ["--no-owner", "--no-privileges", "--exit-on-error", `--dbname=${target}`, file], { encoding: "utf8" });
  if (restored.status !== 0) throw new Error(`pg_restore failed: ${restored.stderr.trim()}`);
  return target.toString();
}

export function compareChecksums(expected, actual) {
  const differences = [];
  for (const table of new Set([...Object.keys(expected), ...Object.keys(actual)])) {
    const before = expected[table];
    const after = actual[table];
    if (!before || !after) differences.push(`${table}: ${before ? "missing after the restore" : "not in the backup"}`);
    else if (before.checksum !== after.checksum || before.rows !== after.rows) differences.push(`${table}: ${before.rows} rows backed up, ${after.rows} restored, contents differ`);
  }
  return differences;
}
