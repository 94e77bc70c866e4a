import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { installPlanCache } from "@/lib/db-plan-cache";
import { createRelease, createUser } from "../support/factories";

// The cache of compiled read plans (lib/db-plan-cache.ts) keeps plans, never results: a repeated
// read compiles once and still sees every change; writes are compiled every time.

const stats = installPlanCache();

async function delta<T>(work: () => Promise<T>): Promise<{ result: T; hits: number; misses: number }> {
  const [hits, misses] = [stats.hits, stats.misses];
  const result = await work();
  return { result, hits: stats.hits - hits, misses: stats.misses - misses };
}

describe("compiled read plans", () => {
  it("compiles a repeated read once and returns the rows as they are now", async () => {
    const owner = await createUser("RELEASE_MANAGER");
    const release = await createRelease(owner.id);
    const read = () => db.phase.findMany({ where: { releaseId: release.id }, select: { name: true }, orderBy: { position: "asc" } });

    const first = await delta(read);
    expect(first.result).toEqual([]);
    expect(first.misses).toBe(1);

    await db.phase.create({ data: { releaseId: release.id, name: "Validation", position: 0 } });
    const second = await delta(read);
    expect(second.hits).toBe(1);
    expect(second.misses).toBe(0);
    expect(second.result).toEqual([{ name: "Validation" }]);
  });

  it("compiles the same read for another value afresh", async () => {
    const owner = await createUser("RELEASE_MANAGER");
    const [one, two] = [await createRelease(owner.id), await createRelease(owner.id)];
    const read = (id: string) => db.release.findUnique({ where: { id }, select: { id: true } });
    await read(one.id);
    const other = await delta(() => read(two.id));
    expect(other.misses).toBe(1);
    expect(other.result).toEqual({ id: two.id });
  });

  it("never keeps the plan of a write: generated ids and times are new every time", async () => {
    const owner = await createUser("RELEASE_MANAGER");
    const release = await createRelease(owner.id);
    const create = () => db.phase.create({ data: { releaseId: release.id, name: "Same input", position: 1 }, select: { id: true, createdAt: true } });
    const first = await delta(create);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const second = await delta(create);
    expect([first.hits, first.misses, second.hits, second.misses]).toEqual([0, 0, 0, 0]);
    expect(second.result.id).not.toBe(first.result.id);
    expect(second.result.createdAt.getTime()).toBeGreaterThan(first.result.createdAt.getTime());
  });

  it("is installed once however often it is asked for", () => {
    expect(installPlanCache()).toBe(stats);
  });
});
