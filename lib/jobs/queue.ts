import "server-only";
import { db, type DbClient } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

// A small job queue in PostgreSQL. Jobs are written in the transaction of the change that
// causes them (an outbox): if the change rolls back, so does the job, and once it commits the
// job cannot be lost. Workers on any instance claim jobs with FOR UPDATE SKIP LOCKED; a job whose
// worker died is claimed again once its lock expires. Delivery is at least once: handlers make
// repeats harmless (a stable message id, an idempotency header).

export type JobInput = {
  kind: string;
  payload: Prisma.InputJsonValue;
  idempotencyKey: string;
  runAt?: Date;
  maxAttempts?: number;
};

export type ClaimedJob = { id: string; kind: string; payload: unknown; attempts: number; maxAttempts: number };

const LOCK_MS = 120_000;

/** Adds jobs; a job whose idempotency key is already queued is left as it is. */
export async function enqueueJobs(client: DbClient, jobs: JobInput[]) {
  if (jobs.length === 0) return;
  await client.job.createMany({ data: jobs, skipDuplicates: true });
}

/** Claims up to `limit` jobs that are due, or whose previous worker's lock has expired. */
export async function claimJobs(limit: number): Promise<ClaimedJob[]> {
  return db.$queryRaw<ClaimedJob[]>`
    UPDATE jobs
    SET status = 'RUNNING', attempts = attempts + 1, locked_until = now() + ${LOCK_MS} * interval '1 millisecond', updated_at = now()
    WHERE id IN (
      SELECT id FROM jobs
      WHERE (status = 'PENDING' AND run_at <= now()) OR (status = 'RUNNING' AND locked_until < now())
      ORDER BY run_at
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING id, kind, payload, attempts, max_attempts AS "maxAttempts"`;
}

export async function completeJob(id: string) {
  await db.job.update({ where: { id }, data: { status: "DONE", doneAt: new Date(), lockedUntil: null, lastError: null } });
}

/** Exponential backoff with ±25% jitter: about base, 2×base, 4×base… (base 5 s) capped at an hour. */
export function retryDelayMs(attempt: number, random = Math.random, base = 5_000): number {
  const delay = Math.min(3_600_000, base * 2 ** Math.max(0, attempt - 1));
  return Math.round(delay * (0.75 + random() * 0.5));
}

/** Schedules the next attempt, or marks the job failed once it has used every attempt. */
export async function failJob(job: ClaimedJob, error: unknown) {
  const message = error instanceof Error ? error.message : String(error);
  const isFinal = job.attempts >= job.maxAttempts;
  await db.job.update({
    where: { id: job.id },
    data: {
      status: isFinal ? "FAILED" : "PENDING",
      lastError: message.slice(0, 2000),
      lockedUntil: null,
      ...(isFinal ? {} : { runAt: new Date(Date.now() + retryDelayMs(job.attempts)) }),
    },
  });
}
