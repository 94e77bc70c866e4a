import "server-only";
import { db } from "@/lib/db";
import { groupBy } from "@/lib/group-by";
import { progressFromTallies, summarizeSubItems } from "@/lib/checklist/rules";
import type { ChecklistFilter } from "@/lib/checklist/schemas";
import { CHECKLIST_PAGE_SIZE, checklistWindow } from "@/lib/checklist/paging";
import { listedItemIds, tallyItems } from "@/lib/checklist/tallies";

const itemListFields = {
  id: true,
  phaseId: true,
  parentId: true,
  title: true,
  priority: true,
  status: true,
  dueDate: true,
  waiverExpiresAt: true,
  waiverReason: true,
  ownerRole: true,
  position: true,
  version: true,
  managedBy: true,
  isAutomated: true,
  overriddenAt: true,
  assignee: { select: { id: true, name: true } },
  category: { select: { id: true, name: true } },
  _count: { select: { evidence: true, notes: true } },
} as const;

/**
 * A release's phases with one page of its items for the checklist page, in the same few
 * queries whatever its size (tests/integration/query-budgets.test.ts): progress per phase
 * and the paging come from the database's counts of every item, and only the page's items
 * (with their sub-items) are read.
 */
export async function getChecklist(releaseId: string, filter: ChecklistFilter, requestedPage = 1) {
  const now = new Date();
  const guess = Math.max(1, Math.floor(requestedPage) || 1);
  const [phases, tallies, guessedIds] = await Promise.all([
    db.phase.findMany({
      where: { releaseId },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }, { id: "asc" }],
      select: { id: true, name: true, description: true, position: true, version: true },
    }),
    tallyItems(db, [releaseId], now, filter),
    // Read with the page asked for, alongside the counts; read again only past the last page.
    listedItemIds(db, releaseId, filter, (guess - 1) * CHECKLIST_PAGE_SIZE, CHECKLIST_PAGE_SIZE),
  ]);
  const talliesByPhase = groupBy(tallies, (tally) => tally.phaseId);
  const window = checklistWindow(
    phases.map((phase) => ({ phaseId: phase.id, count: (talliesByPhase.get(phase.id) ?? []).reduce((sum, tally) => sum + tally.matching, 0) })),
    requestedPage,
  );
  const ids = window.page === guess ? guessedIds : await listedItemIds(db, releaseId, filter, window.offset, window.pageSize);
  const listed = await db.item.findMany({
    where: { OR: [{ id: { in: ids } }, { parentId: { in: ids } }] },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    select: itemListFields,
  });
  const subItemsByParent = groupBy(
    listed.filter((item) => item.parentId),
    (item) => item.parentId!,
  );
  const listedById = new Map(listed.map((item) => [item.id, item]));
  const pageItemsByPhase = groupBy(
    ids.map((id) => listedById.get(id)).filter((item) => item !== undefined),
    (item) => item.phaseId,
  );
  let phaseStart = 0; // where each phase's matching items begin among all matching items
  const phaseViews = phases.map((phase) => {
    const placement = window.phases.get(phase.id);
    const start = phaseStart;
    phaseStart += placement?.count ?? 0;
    return {
      ...phase,
      progress: progressFromTallies(talliesByPhase.get(phase.id) ?? []),
      matching: placement?.count ?? 0,
      firstPage: placement?.firstPage ?? null,
      // The index within the phase of this page's first item, for the move buttons.
      firstIndex: Math.max(0, window.offset - start),
      items: (pageItemsByPhase.get(phase.id) ?? []).map((item) => {
        const subItems = subItemsByParent.get(item.id) ?? [];
        return { ...item, subItems, subItemSummary: summarizeSubItems(subItems, now) };
      }),
    };
  });
  const { phases: _placements, pageSize: _pageSize, ...paging } = window;
  return { phases: phaseViews, progress: progressFromTallies(tallies), now, paging };
}

/** Overall progress only, for pages that show the release header without its checklist. */
export async function getReleaseProgress(releaseId: string) {
  return progressFromTallies(await tallyItems(db, [releaseId], new Date()));
}

export type ChecklistView = Awaited<ReturnType<typeof getChecklist>>;
export type ChecklistPhase = ChecklistView["phases"][number];
export type ChecklistItem = ChecklistPhase["items"][number];

export async function getItem(releaseId: string, itemId: string) {
  return db.item.findFirst({
    where: { id: itemId, releaseId },
    select: {
      id: true,
      releaseId: true,
      phaseId: true,
      parentId: true,
      title: true,
      details: true,
      priority: true,
      status: true,
      categoryId: true,
      ownerRole: true,
      assigneeId: true,
      dueDate: true,
      estimateMinutes: true,
      waiverReason: true,
      waiverExpiresAt: true,
      completedAt: true,
      version: true,
      updatedAt: true,
      managedBy: true,
      automationKey: true,
      isAutomated: true,
      automatedBy: true,
      automatedAt: true,
      overriddenAt: true,
      sourceIncident: { select: { id: true, title: true, severity: true, releaseId: true } },
      phase: { select: { id: true, name: true } },
      parent: { select: { id: true, title: true } },
      lastChangedBy: { select: { name: true } },
      subItems: {
        orderBy: [{ position: "asc" }, { createdAt: "asc" }],
        select: { id: true, title: true, status: true, priority: true, version: true, dueDate: true, waiverExpiresAt: true },
      },
      evidence: {
        orderBy: { createdAt: "asc" },
        select: { id: true, url: true, label: true, createdAt: true, addedBy: { select: { name: true } } },
      },
      notes: {
        orderBy: { createdAt: "asc" },
        select: { id: true, body: true, createdAt: true, author: { select: { name: true } } },
      },
    },
  });
}

export type ItemDetail = NonNullable<Awaited<ReturnType<typeof getItem>>>;

export async function listAssignees() {
  return db.user.findMany({ where: { disabledAt: null }, orderBy: { name: "asc" }, select: { id: true, name: true } });
}
