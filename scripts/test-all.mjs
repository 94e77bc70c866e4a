// `npm test`: every test layer in order, after making sure a Chromium is there.
// unit (Vitest) -> integration (Vitest, real PostgreSQL) -> production build -> end to end (Playwright).
import { spawnSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";

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

ensureChromium();
run("prisma client", "node", ["scripts/prisma.mjs", "generate"]);
run("typecheck", "npx", ["tsc", "--noEmit"]);
run("unit tests", "npx", ["vitest", "run", "--project", "unit"]);
run("integration tests", "npx", ["vitest", "run", "--project", "integration"]);
run("production build", "npx", ["next", "build"]);
rmSync(".data/e2e", { recursive: true, force: true });
// The app under test always gets its own embedded database, whatever DATABASE_URL says.
run("end-to-end tests", "npx", ["playwright", "test"], { DATABASE_URL: "" });
console.log("\nAll test layers passed.");
