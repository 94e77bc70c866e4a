import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const { startWorker } = await import("@/lib/jobs/worker");

// The job worker's LISTEN connection (lib/jobs/worker.ts), on the real test database. pg raises
// "error" twice when the database ends a connection; each used to schedule a reconnect, so
// every cut doubled the worker's connections, and all but one of them were never closed.

const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
const listeners = async () =>
  (
    await admin.query<{ query: string; state: string }>(
      "SELECT query, state FROM pg_stat_activity WHERE application_name = 'release-readiness-jobs' AND datname = current_database()",
    )
  ).rows;
const cutListeners = () =>
  admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'release-readiness-jobs' AND datname = current_database()");
const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(() => admin.connect());
afterAll(() => admin.end());

describe("the job worker's LISTEN connection", () => {
  it("comes back as exactly one connection each time the database ends it, and closes with the worker", async () => {
    const pollMs = 100;
    const worker = startWorker({}, { pollMs });
    try {
      await vi.waitFor(async () => expect(await listeners()).toEqual([{ query: "LISTEN jobs", state: "idle" }]));
      for (let cut = 1; cut <= 3; cut += 1) {
        await cutListeners();
        // Long enough for every reconnect that was scheduled to have happened.
        await settle(pollMs * 8);
        expect(await listeners()).toEqual([{ query: "LISTEN jobs", state: "idle" }]);
      }
    } finally {
      await worker.stop();
    }
    await vi.waitFor(async () => expect(await listeners()).toEqual([]));
  });
});
