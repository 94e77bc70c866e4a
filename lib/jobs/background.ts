import "server-only";
import { db } from "@/lib/db";
import { jobHandlers } from "@/lib/jobs/handlers";
import { startWorker } from "@/lib/jobs/worker";
import { sweepConditionsDue } from "@/lib/notifications/events";
import { sweepRehearsalItems } from "@/lib/plans/rollback-mutations";

const SWEEP_EVERY_MS = 10 * 60_000;

/** Starts this instance's job worker and periodic sweeps; other instances run their own. */
export function startBackgroundWork() {
  let lastSweep = 0;
  const worker = startWorker(jobHandlers, {
    onTick: async () => {
      if (Date.now() - lastSweep < SWEEP_EVERY_MS) return;
      lastSweep = Date.now();
      await sweepConditionsDue(new Date());
      await sweepRehearsalItems(new Date());
      // Sign-in and API counters whose window ended over an hour ago.
      await db.$executeRaw`DELETE FROM rate_limits WHERE expire IS NOT NULL AND expire < ${Date.now() - 3_600_000}`;
    },
  });
  const stop = () => void worker.stop();
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
  return worker;
}
