// `npm test`: every test layer in order, after making sure a Chromium is there.
// unit (Vitest) -> integration (Vitest, real PostgreSQL) -> production build -> end to end (Playwright).
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

function run(label, command, args, extraEnv = {}) {
  console.log(`\n=== ${label}: ${command} ${args.join(" ")}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...env, ...extraEnv } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`\n=== ${label} failed after ${seconds}s`);
    process.exit(result.status ?? 1);
  }
  console.log(`=== ${label} passed in ${seconds}s`);
}

function ensureChromium() {
  if (env.CHROMIUM_PATH && existsSync(env.CHROMIUM_PATH)) return;
  if (existsSync("/usr/bin/chromium")) return;
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (isRoot && existsSync("/usr/bin/apt-get")) {
    run("install Chromium (Debian)", "sh", ["-c", "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium"]);
    return;
  }
  run("install Playwright's Chromium", "npx", ["playwright", "install", "chromium"]);
}

/** pg_dump and pg_restore, for the backup and restore tests: Debian's client programs. */
function ensurePostgresClient() {
  if (spawnSync("pg_dump", ["--version"]).status === 0) return;
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (isRoot && existsSync("/usr/bin/apt-get")) {
    run("install PostgreSQL client programs (Debian)", "sh", ["-c", "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-client"]);
    return;
  }
  console.error("pg_dump was not found: install PostgreSQL's client programs (postgresql-client) for the backup tests.");
  process.exit(1);
}

/**
 * Known vulnerabilities of high or critical severity in what production installs fail the run.
 * Where the registry's audit service cannot be reached, that is said plainly and the run goes on.
 */
function auditProductionDependencies() {
  console.log("\n=== supply chain: npm audit --omit=dev --audit-level=high");
  const result = spawnSync("npm", ["audit", "--omit=dev", "--audit-level=high", "--json"], { encoding: "utf8", env });
  let report;
  try {
    report = JSON.parse(result.stdout);
  } catch {
    report = {};
  }
  if (report.metadata?.vulnerabilities) {
    const { high = 0, critical = 0 } = report.metadata.vulnerabilities;
    if (high + critical > 0) {
      spawnSync("npm", ["audit", "--omit=dev", "--audit-level=high"], { stdio: "inherit", env });
      console.error(`\n=== supply chain failed: ${high} high and ${critical} critical vulnerabilities in production dependencies`);
      process.exit(1);
    }
    console.log("=== supply chain passed: no high or critical vulnerability in production dependencies");
    return;
  }
  console.warn(`=== supply chain NOT CHECKED: the npm audit service did not answer (${report.statusCode ?? report.error?.summary ?? `exit ${result.status}`}).`);
}

ensureChromium();
ensurePostgresClient();
auditProductionDependencies();
run("prisma client", "node", ["scripts/prisma.mjs", "generate"]);
run("typecheck", "npx", ["tsc", "--noEmit"]);
const vitestJson = (name) => ["--reporter=default", "--reporter=json", `--outputFile.json=test-results/${name}.json`];
/** Vitest's own report decides, whatever exit code a library's exit hook left behind. */
function requireNoFailures(label, file) {
  const report = JSON.parse(readFileSync(file, "utf8"));
  if (report.numFailedTests > 0 || report.numFailedTestSuites > 0 || report.success === false) {
    console.error(`\n=== ${label}: ${report.numFailedTests} failed (see above)`);
    process.exit(1);
  }
}
run("unit tests", "npx", ["vitest", "run", "--project", "unit", ...vitestJson("unit")]);
requireNoFailures("unit tests", "test-results/unit.json");
run("integration tests", "npx", ["vitest", "run", "--project", "integration", ...vitestJson("integration")]);
requireNoFailures("integration tests", "test-results/integration.json");
run("production build", "npx", ["next", "build"]);
rmSync(".data/e2e", { recursive: true, force: true });
// The app under test always gets its own embedded database, whatever DATABASE_URL says.
run("end-to-end tests", "npx", ["playwright", "test"], { DATABASE_URL: "" });

const read = (file) => JSON.parse(readFileSync(file, "utf8"));
const unit = read("test-results/unit.json");
const integration = read("test-results/integration.json");
const e2e = read("test-results/e2e.json").stats;
const counts = [
  ["unit", unit.numPassedTests, unit.numFailedTests],
  ["integration", integration.numPassedTests, integration.numFailedTests],
  ["end to end", e2e.expected + e2e.flaky, e2e.unexpected],
];
console.log("\nAll test layers passed.");
for (const [layer, passed, failed] of counts) console.log(`  ${layer}: ${passed} passed, ${failed} failed`);
const total = counts.reduce((sum, [, passed, failed]) => [sum[0] + passed, sum[1] + failed], [0, 0]);
console.log(`tests: ${total[0]} passed, ${total[1]} failed`);
