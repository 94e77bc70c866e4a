import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { computeProgress, type ProgressItem } from "@/lib/checklist/rules";
import { listedItemIds, tallyItems } from "@/lib/checklist/tallies";
import { progressFromTallies } from "@/lib/checklist/rules";
import { loadReadinessInput } from "@/lib/decisions/queries";
import { evaluateReadiness, readinessInputFromItems } from "@/lib/decisions/rules";
import { computeScore, scoreFromTallies } from "@/lib/releases/score";
import type { ChecklistFilter } from "@/lib/checklist/schemas";
import { priorityArb, statusArb } from "../support/arbitraries";
import { createRelease, createUser } from "../support/factories";

// The database's counts (lib/checklist/tallies.ts) against the pure rules they replace, on
// generated releases: every status, priority and category, sub-items, ties in position, and
// due dates and waivers on either side of the instants where they change meaning.

const DAY = 86_400_000;
const now = new Date("2030-06-01T12:00:00.000Z");
const at = (offset: number) => new Date(now.getTime() + offset);
const dueArb = fc.constantFrom(null, at(-DAY - 1), at(-DAY), at(-DAY + 1), at(-3 * DAY), at(DAY));
const waiverEndArb = fc.constantFrom(null, at(-1), at(0), at(1), at(7 * DAY));

const itemArb = fc.record({
  phase: fc.nat({ max: 2 }),
  category: fc.nat({ max: 2 }), // 2: none
  assignee: fc.nat({ max: 2 }), // 2: nobody
  status: statusArb,
  priority: priorityArb,
  dueDate: dueArb,
  waiverExpiresAt: waiverEndArb,
  position: fc.nat({ max: 4 }),
  subItemOf: fc.option(fc.nat(), { nil: null }),
});

const filterArb = fc.oneof(
  fc.constant({}),
  fc.record({ status: statusArb }),
  fc.record({ priority: priorityArb }),
  fc.record({ assignee: fc.nat({ max: 1 }) }),
  fc.record({ category: fc.nat({ max: 1 }) }),
  fc.record({ status: statusArb, priority: priorityArb, assignee: fc.nat({ max: 1 }), category: fc.nat({ max: 1 }) }),
);

let ownerId: string;
let assignees: string[];
let run = 0;

beforeAll(async () => {
  ownerId = (await createUser("RELEASE_MANAGER")).id;
  assignees = [(await createUser("APPROVER")).id, (await createUser("APPROVER")).id];
});

type ItemRow = typeof itemArb extends fc.Arbitrary<infer Row> ? Row : never;

async function storeRelease(rows: ItemRow[], phasePositions: number[]) {
  run += 1;
  const release = await createRelease(ownerId);
  const security = await db.readinessCategory.findFirstOrThrow({ where: { releaseId: release.id }, select: { id: true } });
  const ops = await db.readinessCategory.create({ data: { releaseId: release.id, name: "Operations", weight: 0, position: 1 }, select: { id: true } });
  const categories = [security.id, ops.id, null];
  // Created in one statement, so that they share a creation time and ties in position fall to
  // the id; stored last first, so that the table's own order is not the id's.
  const phases = phasePositions.map((position, index) => ({ id: `tally${run}p${index}`, releaseId: release.id, name: `Phase ${index}`, position }));
  await db.phase.createMany({ data: [...phases].reverse() });
  const items = rows.map((row, index) => {
    const parent = row.subItemOf === null || index === 0 ? null : `tally${run}i${String(row.subItemOf % index).padStart(3, "0")}`;
    return {
      id: `tally${run}i${String(index).padStart(3, "0")}`,
      releaseId: release.id,
      phaseId: phases[row.phase]!.id,
      parentId: parent,
      title: `Item ${index}`,
      status: row.status,
      priority: row.priority,
      categoryId: categories[row.category]!,
      assigneeId: assignees[row.assignee] ?? null,
      dueDate: row.dueDate,
      waiverExpiresAt: row.status === "WAIVED" ? row.waiverExpiresAt : null,
      waiverReason: row.status === "WAIVED" ? "accepted" : null,
      position: row.position,
    };
  });
  // A sub-item's parent must be top-level and in the same phase: give those that are not their own place.
  const byId = new Map(items.map((item) => [item.id, item]));
  for (const item of items) {
    const parent = item.parentId ? byId.get(item.parentId) : undefined;
    if (parent && (parent.parentId !== null || parent.phaseId !== item.phaseId)) item.parentId = null;
  }
  await db.item.createMany({ data: [...items].reverse() });
  const categoryRows = await db.readinessCategory.findMany({ where: { releaseId: release.id }, orderBy: { position: "asc" }, select: { id: true, name: true, weight: true } });
  return { releaseId: release.id, items, phases, categories: categoryRows };
}

type StoredItem = Awaited<ReturnType<typeof storeRelease>>["items"][number];

function matches(item: StoredItem, filter: Partial<ChecklistFilter>) {
  return (
    (!filter.status || item.status === filter.status) &&
    (!filter.priority || item.priority === filter.priority) &&
    (!filter.assignee || item.assigneeId === filter.assignee) &&
    (!filter.category || item.categoryId === filter.category)
  );
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

describe("item tallies", () => {
  it("count progress, the score, the criteria and each phase exactly as the rules do item by item", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(itemArb, { maxLength: 30 }), async (rows) => {
        const stored = await storeRelease(rows, [0, 1, 2]);
        const tallies = await tallyItems(db, [stored.releaseId], now);
        const items: (ProgressItem & StoredItem)[] = stored.items;
        expect(progressFromTallies(tallies)).toEqual(computeProgress(items, now));
        expect(scoreFromTallies(tallies, stored.categories, 90)).toEqual(computeScore(items, stored.categories, 90, now));
        for (const phase of stored.phases) {
          const inPhase = tallies.filter((tally) => tally.phaseId === phase.id);
          expect(progressFromTallies(inPhase)).toEqual(computeProgress(items.filter((item) => item.phaseId === phase.id), now));
        }
        const loaded = (await loadReadinessInput(db, stored.releaseId, now))!;
        const fromDatabase = evaluateReadiness(loaded.input, now);
        const fromItems = evaluateReadiness(readinessInputFromItems({ ...loaded.input, items }, now), now);
        const sortedIds = (refs: { id: string }[]) => refs.map((ref) => ref.id).sort(byText);
        expect(sortedIds(fromDatabase.blockingOpen)).toEqual(sortedIds(fromItems.blockingOpen));
        expect(sortedIds(fromDatabase.blockingWaived)).toEqual(sortedIds(fromItems.blockingWaived));
        expect({ ...fromDatabase, blockingOpen: [], blockingWaived: [], leftToGo: [] }).toEqual({ ...fromItems, blockingOpen: [], blockingWaived: [], leftToGo: [] });
      }),
      { numRuns: 25 },
    );
  });

  it("page the items a filter lists in checklist order, phase by phase", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(itemArb, { maxLength: 30 }), filterArb, fc.nat({ max: 12 }), fc.array(fc.nat({ max: 1 }), { minLength: 3, maxLength: 3 }), async (rows, rawFilter, offset, phasePositions) => {
        const stored = await storeRelease(rows, phasePositions);
        const filter: Partial<ChecklistFilter> = {
          ...rawFilter,
          assignee: "assignee" in rawFilter ? assignees[rawFilter.assignee] : undefined,
          category: "category" in rawFilter ? stored.categories[rawFilter.category]!.id : undefined,
        };
        const phaseOrder = [...stored.phases].sort((a, b) => a.position - b.position || byText(a.id, b.id)).map((phase) => phase.id);
        const listed = stored.items
          .filter((item) => item.parentId === null && matches(item, filter))
          .sort((a, b) => phaseOrder.indexOf(a.phaseId) - phaseOrder.indexOf(b.phaseId) || a.position - b.position || byText(a.id, b.id));
        expect(await listedItemIds(db, stored.releaseId, filter, offset, 7)).toEqual(listed.slice(offset, offset + 7).map((item) => item.id));
        const tallies = await tallyItems(db, [stored.releaseId], now, filter);
        for (const phase of stored.phases) {
          const counted = tallies.filter((tally) => tally.phaseId === phase.id).reduce((sum, tally) => sum + tally.matching, 0);
          expect(counted).toBe(listed.filter((item) => item.phaseId === phase.id).length);
        }
      }),
      { numRuns: 25 },
    );
  });
});
