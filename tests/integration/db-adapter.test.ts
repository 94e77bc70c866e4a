import { describe, expect, it, vi } from "vitest";
import { createDriverAdapter } from "@/lib/db-adapter";
import { PrismaClient } from "@/lib/generated/prisma/client";

// Prisma's adapter as the app builds it (lib/db-adapter.ts), on the real test database: a
// transaction whose connection the database cuts must give that connection back, or the pool
// runs dry and every later request waits.

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
});
