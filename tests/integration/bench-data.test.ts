import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { verifyAuditChain } from "@/lib/audit-chain";
import { loadReadinessInput } from "@/lib/decisions/queries";
import { getReadinessHistory } from "@/lib/releases/history-queries";
import { generateBenchData, planBenchData } from "@/bench/lib/data-load";
import type { BenchDataOptions } from "@/bench/lib/data-plan";

// The benchmark's data generator (npm run bench:data) at a tiny scale: the counts it promises,
// well-formed audit events in an intact hash chain, a history the chart replays, and the same
// rows from the same seed.

const now = new Date();
const tiny: BenchDataOptions = { seed: 7, portfolio: 12, largeItems: 60, largePhases: 4, signoffRoles: 3, risks: 5, auditEvents: 300, historyDays: 60, scalingItems: [10, 30], now };

describe("bench data generator", () => {
  it("plans the same rows from the same seed, and other rows from another", () => {
    const people = { managerId: "m", approverIds: ["a", "b", "c"] };
    const first = planBenchData(tiny, people);
    expect(planBenchData(tiny, people)).toEqual(first);
    expect(planBenchData({ ...tiny, seed: 8 }, people).rows.items[0]).not.toEqual(first.rows.items[0]);
  });

  it("loads the promised counts with an intact audit chain and a history to chart", async () => {
    const data = await generateBenchData(tiny);
    expect(await db.release.count({ where: { owner: { email: data.managerEmail } } })).toBe(12);
    expect(data.scaling.map((release) => release.items)).toEqual([10, 30, 60]);
    for (const { items, releaseId } of data.scaling) expect(await db.item.count({ where: { releaseId } })).toBe(items);
    const large = data.largeReleaseId;
    expect(await db.phase.count({ where: { releaseId: large } })).toBe(4);
    expect(await db.item.count({ where: { releaseId: large, parentId: { not: null } } })).toBeGreaterThan(0);
    expect(await db.requiredSignoff.count({ where: { releaseId: large } })).toBe(3);
    expect(await db.signoff.count({ where: { releaseId: large } })).toBeGreaterThanOrEqual(6);
    expect(await db.risk.count({ where: { releaseId: large } })).toBe(5);
    expect(await db.auditEvent.count({ where: { releaseId: large } })).toBe(300);
    expect(await db.auditEvent.count({ where: { releaseId: large, action: "item.status_changed" } })).toBeGreaterThan(250);

    const chain = await verifyAuditChain(db);
    expect(chain).toMatchObject({ checked: 300, firstBreak: null });

    // Each item's version counts its recorded changes, and its status is where its history ends.
    const item = await db.item.findFirstOrThrow({ where: { releaseId: large, version: { gt: 1 } }, select: { id: true, status: true, version: true } });
    const changes = await db.auditEvent.findMany({ where: { entityId: item.id, action: "item.status_changed" }, orderBy: { id: "asc" }, select: { after: true } });
    expect(changes).toHaveLength(item.version - 1);
    expect((changes.at(-1)!.after as { status: string }).status).toBe(item.status);

    const { input } = (await loadReadinessInput(db, large))!;
    const history = await getReadinessHistory(large, input, new Date());
    expect(history.length).toBeGreaterThan(0);
    expect(new Set(history.map((point) => point.done)).size).toBeGreaterThan(1);

    await expect(generateBenchData(tiny)).rejects.toThrow(/already holds the bench data/);
  });
});
