// Runs a TypeScript maintenance script (scripts/*.ts) against DATABASE_URL, or the embedded
// database of `npm start` (joined if it is running, started for the script if not):
//   node scripts/run-with-database.mjs scripts/audit-verify.ts [args…]
import { spawnSync } from "node:child_process";
import { withDatabase } from "./database.mjs";

const [script, ...args] = process.argv.slice(2);
const status = await withDatabase(async (url) => {
  const result = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", script, ...args], {
    env: { ...process.env, DATABASE_URL: url, NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? "maintenance-script-secret-not-used-to-sign" },
    stdio: "inherit",
  });
  return result.status ?? 1;
});
process.exit(status);
