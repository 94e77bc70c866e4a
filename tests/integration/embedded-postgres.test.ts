import { chmodSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, it, vi } from "vitest";
import { findFreePort, isProcessAlive, startEmbeddedPostgres } from "../../scripts/embedded-postgres.mjs";

// The embedded PostgreSQL of `npm start` (no DATABASE_URL): stopping it must end, also when the
// server already died, or `npm start` would hang on Ctrl-C after a database crash.

describe("the embedded PostgreSQL", () => {
  it("stops at once when its server has already died", { timeout: 60_000 }, async () => {
    const rootDir = mkdtempSync(path.join(os.tmpdir(), "rr-embedded-"));
    chmodSync(rootDir, 0o755); // the server runs as the postgres user when we are root
    try {
      const database = await startEmbeddedPostgres({ rootDir, port: await findFreePort(56700) });
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      expect((await client.query("SELECT 1 AS one")).rows).toEqual([{ one: 1 }]);
      await client.end();

      const pid = Number(readFileSync(path.join(rootDir, "postgres", "postmaster.pid"), "utf8").split("\n")[0]);
      process.kill(pid, "SIGKILL");
      await vi.waitFor(() => expect(isProcessAlive(pid)).toBe(false), { timeout: 10_000 });

      const stopped = await Promise.race([database.stop().then(() => "stopped"), new Promise((resolve) => setTimeout(() => resolve("still waiting"), 10_000))]);
      expect(stopped).toBe("stopped");
    } finally {
      rmSync(rootDir, { recursive: true, force: true });
    }
  });
});
