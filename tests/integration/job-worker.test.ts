import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const { startWorker } = await import("@/lib/jobs/worker");

// The job worker's LISTEN connection (lib/jobs/worker.ts), on the real test database. pg raises
// "error" twice when the database ends a connection; each used to schedule a reconnect, so
// every cut doubled the worker's connections, and all but one of them were never closed.

const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
const listeners = async () =>
  (
    await admin.query<{ pid: number; query: string; state: string }>(
      "SELECT pid, query, state FROM pg_stat_activity WHERE application_name = 'release-readiness-jobs' AND datname = current_database()",
    )
  ).rows;
const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(() => admin.connect());
afterAll(() => admin.end());

describe("the job worker's LISTEN connection", () => {
  it("comes back as exactly one connection each time the database ends it, and closes with the worker", async () => {
    const pollMs = 100;
    const worker = startWorker({}, { pollMs });
    /** Waits for the one listening connection that is not `previous`, and returns its pid. */
    const listening = async (previous?: number) => {
      let pid = 0;
      await vi.waitFor(
        async () => {
          const rows = await listeners();
          expect(rows.map(({ query, state }) => ({ query, state }))).toEqual([{ query: "LISTEN jobs", state: "idle" }]);
          expect(rows[0]!.pid).not.toBe(previous);
          pid = rows[0]!.pid;
        },
        { timeout: 10_000, interval: 50 },
      );
      return pid;
    };
    try {
      let pid = await listening();
      for (let cut = 1; cut <= 3; cut += 1) {
        await admin.query("SELECT pg_terminate_backend($1)", [pid]);
        pid = await listening(pid);
        // Every reconnect that was scheduled has had time to run: still exactly that one.
        await settle(pollMs * 5);
        expect((await listeners()).map((row) => row.pid)).toEqual([pid]);
      }
    } finally {
      await worker.stop();
    }
    await vi.waitFor(async () => expect(await listeners()).toEqual([]));
  });
});
