// npm run db:restore -- file.dump: restores a backup into a new database beside the current
// one (never over it), then proves the copy: every table's checksum must equal the one taken
// at backup time, and the audit trail's hash chain must verify. Prints the new database's URL;
// point DATABASE_URL at it to switch over.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import pg from "pg";
import { compareChecksums, restoreIntoNewDatabase, tableChecksums } from "./backup-lib.mjs";
import { withDatabase } from "./database.mjs";

const file = process.argv[2];
if (!file || !existsSync(file)) {
  console.error("Usage: npm run db:restore -- <file.dump>   (the file written by npm run db:backup)");
  process.exit(1);
}
const manifest = existsSync(`${file}.json`) ? JSON.parse(readFileSync(`${file}.json`, "utf8")) : null;
const name = `release_readiness_restored_${new Date().toISOString().replace(/\D/g, "").slice(0, 14)}_${randomBytes(3).toString("hex")}`;

try {
  await withDatabase(async (url) => {
    const target = await restoreIntoNewDatabase(url, file, name);
    const client = new pg.Client({ connectionString: target });
    await client.connect();
    const tables = await tableChecksums(client);
    await client.end();
    if (manifest) {
      const differences = compareChecksums(manifest.tables, tables);
      if (differences.length > 0) throw new Error(`The restored copy differs from the backup:\n  ${differences.join("\n  ")}`);
      console.log(`Restored ${Object.keys(tables).length} tables; every checksum matches the backup.`);
    } else {
      console.log(`Restored ${Object.keys(tables).length} tables (no ${file}.json to compare checksums with).`);
    }
    const verified = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/audit-verify.ts"], {
      env: { ...process.env, DATABASE_URL: target, NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? "maintenance-script-secret-not-used-to-sign" },
      stdio: "inherit",
    });
    if (verified.status !== 0) throw new Error("The restored audit trail does not verify.");
    console.log(`Restored database: ${target}`);
  });
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
