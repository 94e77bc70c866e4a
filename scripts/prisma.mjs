// Runs the Prisma CLI offline: the placeholder stands in for the native engines the
// CLI looks for but never executes, because prisma.config.ts selects the JS engine.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const placeholder = path.join(root, "scripts", "prisma-engine-placeholder.sh");

export function prismaEnv(extra = {}) {
  return {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: placeholder,
    PRISMA_QUERY_ENGINE_LIBRARY: placeholder,
    PRISMA_ENGINES_CHECKSUM_IGNORE_MISSING: "1",
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    CHECKPOINT_DISABLE: "1",
    ...extra,
  };
}

export function runPrisma(args, { env = {}, quiet = false } = {}) {
  const cli = path.join(root, "node_modules", "prisma", "build", "index.js");
  const result = spawnSync(process.execPath, [cli, ...args], {
    cwd: root,
    env: prismaEnv(env),
    stdio: quiet ? "pipe" : "inherit",
    encoding: "utf8",
  });
  if (result.status !== 0) {
    if (quiet) process.stderr.write(`${result.stdout ?? ""}${result.stderr ?? ""}`);
    throw new Error(`prisma ${args.join(" ")} failed with exit code ${result.status}`);
  }
  return result.stdout ?? "";
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    runPrisma(process.argv.slice(2));
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
