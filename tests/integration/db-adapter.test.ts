import pg from "pg";
import { describe, expect, it, vi } from "vitest";
import { createDriverAdapter } from "@/lib/db-adapter";
import { PrismaClient } from "@/lib/generated/prisma/client";

// Prisma's adapter as the app builds it (lib/db-adapter.ts), on the real test database: a
// transaction whose connection the database cuts must give that connection back, or the pool
// runs dry and every later request waits. A lone read cut off mid-way runs again, at most twice; a
// write never does.

// Connections already ended, which can still show as active for a moment.
const ended: number[] = [];

/** Ends the connection running the statement whose text contains `marker`, while it runs. */
async function cutWhileRunning(admin: pg.Client, marker: string) {
  await vi.waitFor(
    async () => {
      const { rows } = await admin.query<{ pid: number }>(
        "SELECT pid FROM pg_stat_activity WHERE state = 'active' AND query LIKE $1 AND pid <> pg_backend_pid() AND pid <> ALL($2::int[])",
        [`%${marker}%`, ended],
      );
      expect(rows).toHaveLength(1);
      ended.push(rows[0]!.pid);
      await admin.query("SELECT pg_terminate_backend($1)", [rows[0]!.pid]);
    },
    { timeout: 5_000, interval: 20 },
  );
}

describe("the database adapter", () => {
  it("gives back the connection of a transaction the database cut, so the pool never runs dry", async () => {
    const { adapter, pool } = createDriverAdapter(process.env.DATABASE_URL!, { max: 2 });
    const prisma = new PrismaClient({ adapter, transactionOptions: { maxWait: 2_000, timeout: 5_000 } });
    try {
      // Three times the pool's size: each lost connection would be lost for good.
      for (let attempt = 0; attempt < 3; attempt++) {
        await expect(
          prisma.$transaction(async (tx) => {
            await tx.$executeRaw`SELECT pg_terminate_backend(pg_backend_pid())`;
          }),
        ).rejects.toThrow();
        await vi.waitFor(() => expect(pool.totalCount).toBe(0));
      }
      expect(await prisma.$queryRaw`SELECT 1 AS one`).toEqual([{ one: 1 }]);
      await prisma.$transaction(async (tx) => {
        expect(await tx.$queryRaw`SELECT 2 AS two`).toEqual([{ two: 2 }]);
      });
    } finally {
      await prisma.$disconnect();
    }
  });

  it("fails a request that finds no free connection in time, rather than letting it wait for ever", async () => {
    const { adapter, pool } = createDriverAdapter(process.env.DATABASE_URL!, { max: 1, connectionWaitMs: 300 });
    const prisma = new PrismaClient({ adapter });
    const held = await pool.connect();
    try {
      const started = Date.now();
      await expect(prisma.$queryRaw`SELECT 1`).rejects.toThrow(/timeout exceeded when trying to connect/);
      expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    } finally {
      held.release();
      await prisma.$disconnect();
    }
  });

  it("runs a read whose connection is cut mid-way again, twice at most, and never a write", async () => {
    const { adapter } = createDriverAdapter(process.env.DATABASE_URL!, { max: 2 });
    const prisma = new PrismaClient({ adapter });
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    try {
      // Prisma's queries start when awaited: then() starts this one.
      const read = prisma.$queryRaw`SELECT 'cut-read' AS marker FROM pg_sleep(1)`.then((rows) => rows);
      await cutWhileRunning(admin, "cut-read");
      await cutWhileRunning(admin, "cut-read");
      expect(await read).toEqual([{ marker: "cut-read" }]);

      const unlucky = prisma.$queryRaw`SELECT 'cut-thrice' AS marker FROM pg_sleep(1)`;
      const gaveUp = expect(unlucky).rejects.toThrow(/57P01/);
      for (let cut = 0; cut < 3; cut += 1) await cutWhileRunning(admin, "cut-thrice");
      await gaveUp;

      // Run again, this write would succeed (it changes no row): its failure shows it was not.
      const write = prisma.$queryRaw`UPDATE users SET name = name WHERE id = (SELECT 'cut-write' FROM pg_sleep(1)) RETURNING id`;
      const failed = expect(write).rejects.toThrow(/57P01/);
      await cutWhileRunning(admin, "cut-write");
      await failed;

      const inTransaction = prisma.$transaction(async (tx) => tx.$queryRaw`SELECT 'cut-in-transaction' AS marker FROM pg_sleep(1)`);
      const rolledBack = expect(inTransaction).rejects.toThrow();
      await cutWhileRunning(admin, "cut-in-transaction");
      await rolledBack;
    } finally {
      await admin.end();
      await prisma.$disconnect();
    }
  });
});
