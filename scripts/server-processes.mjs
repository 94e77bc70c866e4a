import os from "node:os";

/**
 * How many server processes scripts/serve.mjs starts: WEB_CONCURRENCY, or one per core and at
 * most 4 (each holds a pool of about 15 database connections). Null when the value is not usable.
 */
export function serverProcessCount(value = process.env.WEB_CONCURRENCY) {
  const count = Number(value || Math.min(os.availableParallelism(), 4));
  return Number.isInteger(count) && count >= 1 && count <= 64 ? count : null;
}

/** What to tell someone whose WEB_CONCURRENCY `serverProcessCount` refuses. */
export function serverProcessCountProblem(value = process.env.WEB_CONCURRENCY) {
  return `WEB_CONCURRENCY must be a whole number of server processes from 1 to 64, not "${value}".`;
}
