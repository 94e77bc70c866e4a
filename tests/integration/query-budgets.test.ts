import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db, onQuery } from "@/lib/db";
import type { Viewer } from "@/lib/permissions";
import { getChecklist, getItem, getReleaseProgress } from "@/lib/checklist/queries";
import { checklistFilterSchema } from "@/lib/checklist/schemas";
import { setItemStatus } from "@/lib/checklist/item-status";
import { getReleaseReadiness } from "@/lib/decisions/queries";
import { loadReadinessInput } from "@/lib/decisions/queries";
import { getReadinessHistory } from "@/lib/releases/history-queries";
import { getPlanSummary, getRiskRegister } from "@/lib/plans/queries";
import { listReleases } from "@/lib/releases/queries";
import { portfolioQuerySchema } from "@/lib/releases/schemas";
import { getSignoffBoard } from "@/lib/signoffs/queries";
import { getStakeholderView } from "@/lib/share/queries";
import { getReleaseExport } from "@/lib/templates/queries";
import { createUser } from "../support/factories";

// Query budgets (no N+1): the SQL statements behind each page's data and an action, counted
// from Prisma's query events on a small release and on a large one. The counts must be equal,
// so they do not grow with the release, and within the budget written here: today's counts,
// also in docs/performance.md. A new N+1 makes the large count differ; any extra statement
// goes over the budget. Lower a budget when a page gets cheaper.

const budgets = {
  "release overview (readiness and progress)": 8,
  checklist: 4,
  "item page": 1,
  "sign-off board": 5,
  "risk register": 1,
  "plan summary": 8,
  "stakeholder view": 16,
  "Markdown export": 11,
  "history chart": 7,
  "item status change": 5,
} as const;

type Fixture = { releaseId: string; itemId: string; itemVersion: number };

async function buildRelease(owner: Viewer, phases: number, itemsPerPhase: number, roles: number): Promise<Fixture> {
  const release = await db.release.create({
    data: { name: `Budget ${phases}x${itemsPerPhase}`, versionName: "v1", targetDate: new Date("2030-01-15T00:00:00Z"), ownerId: owner.id, categories: { create: [{ name: "Security", weight: 50, position: 0 }, { name: "Operations", weight: 50, position: 1 }] } },
    select: { id: true, categories: { select: { id: true } } },
  });
  const phaseRows = Array.from({ length: phases }, (_, position) => ({ id: randomUUID(), releaseId: release.id, name: `Phase ${position}`, position }));
  await db.phase.createMany({ data: phaseRows });
  const items = phaseRows.flatMap((phase) =>
    Array.from({ length: itemsPerPhase }, (_, position) => ({
      id: randomUUID(),
      releaseId: release.id,
      phaseId: phase.id,
      title: `Item ${phase.name}.${position}`,
      priority: position % 3 === 0 ? ("BLOCKING" as const) : ("RECOMMENDED" as const),
      status: position % 2 === 0 ? ("DONE" as const) : ("TODO" as const),
      categoryId: release.categories[position % 2]!.id,
      position,
    })),
  );
  await db.item.createMany({ data: items });
  await db.item.createMany({ data: items.slice(0, Math.ceil(items.length / 2)).map((parent, position) => ({ id: randomUUID(), releaseId: release.id, phaseId: parent.phaseId, parentId: parent.id, title: `Sub of ${parent.title}`, position })) });
  await db.evidenceLink.createMany({ data: items.map((item) => ({ itemId: item.id, url: "https://ci.example.com/1", addedById: owner.id })) });
  for (let index = 0; index < roles; index += 1) {
    await db.requiredSignoff.create({ data: { releaseId: release.id, roleName: `Role ${index}`, position: index, assignees: { create: [{ userId: owner.id }] } } });
  }
  await db.risk.createMany({ data: Array.from({ length: roles * 4 }, (_, index) => ({ releaseId: release.id, title: `Risk ${index}`, likelihood: "LOW" as const, impact: "HIGH" as const })) });
  const target = items.find((item) => item.status === "TODO")!;
  return { releaseId: release.id, itemId: target.id, itemVersion: 1 };
}

async function count(work: () => Promise<unknown>): Promise<number> {
  let statements = 0;
  const stop = onQuery((query) => {
    if (!/^(?:BEGIN|COMMIT|ROLLBACK)\b/i.test(query.trim())) statements += 1;
  });
  try {
    await work();
  } finally {
    stop();
  }
  return statements;
}

let manager: Viewer;
let small: Fixture;
let large: Fixture;

beforeAll(async () => {
  manager = await createUser("RELEASE_MANAGER");
  small = await buildRelease(manager, 1, 3, 1);
  large = await buildRelease(manager, 20, 50, 10);
});

const filter = checklistFilterSchema.parse({});
const pages: Record<keyof typeof budgets, (fixture: Fixture) => Promise<unknown>> = {
  "release overview (readiness and progress)": async ({ releaseId }) => Promise.all([getReleaseReadiness(releaseId), getReleaseProgress(releaseId)]),
  checklist: ({ releaseId }) => getChecklist(releaseId, filter),
  "item page": ({ releaseId, itemId }) => getItem(releaseId, itemId),
  "sign-off board": ({ releaseId }) => getSignoffBoard(releaseId, manager),
  "risk register": ({ releaseId }) => getRiskRegister(releaseId, {}),
  "plan summary": ({ releaseId }) => getPlanSummary(releaseId),
  "stakeholder view": ({ releaseId }) => getStakeholderView(releaseId),
  "Markdown export": ({ releaseId }) => getReleaseExport(releaseId),
  "history chart": async ({ releaseId }) => getReadinessHistory(releaseId, (await loadReadinessInput(db, releaseId))!.input, new Date()),
  "item status change": ({ itemId, itemVersion }) => setItemStatus(manager, { id: itemId, version: String(itemVersion), status: "IN_PROGRESS" }),
};

describe("query budgets", () => {
  it.each(Object.keys(budgets) as (keyof typeof budgets)[])("%s: the same statements for 3 items and for 1,000, within budget", async (name) => {
    const onSmall = await count(() => pages[name](small));
    const onLarge = await count(() => pages[name](large));
    expect(onLarge, `${name}: ${onSmall} statements on the small release, ${onLarge} on the large one`).toBe(onSmall);
    expect(onLarge).toBeLessThanOrEqual(budgets[name]);
  });

  it("the portfolio reads a page of releases in the same statements for 2 releases as for 60", async () => {
    const query = portfolioQuerySchema.parse({});
    const before = await count(() => listReleases(query));
    for (let index = 0; index < 58; index += 1) await buildRelease(manager, 1, 2, 1);
    const after = await count(() => listReleases(query));
    expect(after).toBe(before);
    expect(after).toBeLessThanOrEqual(8);
  });
});
