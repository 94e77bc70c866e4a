// npm run db:backup [-- file.dump]: backs up DATABASE_URL (or the embedded database) with
// pg_dump, and writes file.dump.json beside it with every table's row count and checksum,
// which `npm run db:restore` checks the restored copy against.
import { mkdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { backup } from "./backup-lib.mjs";
import { withDatabase } from "./database.mjs";

const file = path.resolve(process.argv[2] ?? path.join("backups", `release-readiness-${new Date().toISOString().replace(/[:.]/g, "-")}.dump`));
mkdirSync(path.dirname(file), { recursive: true });
try {
  await withDatabase(async (url) => {
    const tables = await backup(url, file);
    writeFileSync(`${file}.json`, `${JSON.stringify({ createdAt: new Date().toISOString(), file: path.basename(file), tables }, null, 2)}\n`);
    const rows = Object.values(tables).reduce((sum, table) => sum + table.rows, 0);
    console.log(`Backed up ${Object.keys(tables).length} tables (${rows} rows) to ${file} (${(statSync(file).size / 1024).toFixed(0)} KB); checksums in ${file}.json.`);
  });
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
