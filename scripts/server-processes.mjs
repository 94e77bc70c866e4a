import os from "node:os";

/**
 * How many server processes scripts/serve.mjs starts: WEB_CONCURRENCY, or one per core and at
 * most 4 (each holds a pool of about 15 database connections). Null when the value is not usable.
 */
export function serverProcessCount(value = process.env.WEB_CONCURRENCY) {
  const count = Number(value || Math.min(os.availableParallelism(), 4));
  return Number.isInteger(count) && count >= 1 && count <= 64 ? count : null;
}
