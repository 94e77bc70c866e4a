import "server-only";
import pg from "pg";
import { env } from "@/lib/env";
import { logError } from "@/lib/log";
import { claimJobs, completeJob, failJob, type ClaimedJob } from "@/lib/jobs/queue";

export type JobHandler = (payload: unknown, job: ClaimedJob) => Promise<void>;

const BATCH = 10;

/** Runs the jobs that are due now, one batch at a time, until none is left. Returns how many ran. */
export async function runDueJobs(handlers: Record<string, JobHandler>): Promise<number> {
  let ran = 0;
  for (;;) {
    const jobs = await claimJobs(BATCH);
    if (jobs.length === 0) return ran;
    for (const job of jobs) {
      const handler = handlers[job.kind];
      try {
        if (!handler) throw new Error(`no handler for jobs of kind "${job.kind}"`);
        await handler(job.payload, job);
        await completeJob(job.id);
      } catch (error) {
        await failJob(job, error);
      }
      ran += 1;
    }
  }
}

type Worker = { stop: () => Promise<void> };

/**
 * Works through due jobs whenever one is enqueued (NOTIFY jobs) and every `pollMs` besides,
 * so retries come due and a missed notice costs at most one interval. `onTick` runs periodic
 * sweeps (such as conditions coming due) on the same schedule.
 */
export function startWorker(handlers: Record<string, JobHandler>, { pollMs = 5_000, onTick }: { pollMs?: number; onTick?: () => Promise<void> } = {}): Worker {
  let isRunning = false;
  let isStopped = false;
  let listener: pg.Client | undefined;
  const tick = async () => {
    if (isRunning || isStopped) return;
    isRunning = true;
    try {
      await onTick?.();
      await runDueJobs(handlers);
    } catch (error) {
      logError(error, { where: "job worker" });
    } finally {
      isRunning = false;
    }
  };
  const timer = setInterval(() => void tick(), pollMs);
  timer.unref();
  // One LISTEN connection at a time. pg raises "error" twice when the database ends a
  // connection (its FATAL message, then the closed socket), so a reconnect is scheduled only
  // by the connection that is current, and only once; an attempt that cannot connect (the
  // database is still restarting) schedules the next.
  const listen = async () => {
    if (isStopped) return;
    const client = new pg.Client({ connectionString: env().DATABASE_URL, application_name: "release-readiness-jobs" });
    listener = client;
    const lost = () => {
      void client.end().catch(() => {});
      if (listener !== client) return;
      listener = undefined;
      if (!isStopped) setTimeout(() => void listen(), pollMs).unref();
    };
    client.on("notification", () => void tick());
    client.on("error", lost);
    try {
      await client.connect();
      await client.query("LISTEN jobs");
    } catch {
      lost();
    }
  };
  void listen();
  void tick();
  return {
    async stop() {
      isStopped = true;
      clearInterval(timer);
      await listener?.end().catch(() => {});
    },
  };
}
