// npm run bench:data: loads the benchmark data into DATABASE_URL, or the embedded database of
// `npm start` (see scripts/run-with-database.mjs). Deterministic from BENCH_SEED; BENCH_SCALE
// shrinks or grows every size (1 = 1,000 releases, a 5,000-item release with 50,000 audit
// events, scaling releases of 100, 1,000 and 5,000 items). Refuses a database that has it.
import { db } from "@/lib/db";
import { generateBenchData, optionsFromEnv } from "./lib/data-load";

const options = { ...optionsFromEnv(), now: new Date() };
console.log(`Bench data, seed ${options.seed}: ${options.portfolio} releases, ${options.largeItems} items and ${options.auditEvents} audit events in the large release…`);
try {
  const data = await generateBenchData(options, (message) => console.log(message));
  console.log(`Loaded in ${data.seconds.toFixed(1)} s:`, data.counts);
  console.log(`Large release: /releases/${data.largeReleaseId}`);
  for (const { items, releaseId } of data.scaling) console.log(`Scaling release of ${items} items: /releases/${releaseId}`);
  console.log(`Sign in as ${data.managerEmail} (password: ready-for-release).`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}
