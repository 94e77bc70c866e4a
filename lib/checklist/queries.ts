import "server-only";
import { db } from "@/lib/db";
import { groupBy } from "@/lib/group-by";
import { computeProgress, summarizeSubItems } from "@/lib/checklist/rules";
import type { ChecklistFilter } from "@/lib/checklist/schemas";

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
 * A release's phases with their items for the checklist page, in three queries whatever
 * its size: progress per phase counts every item, the filter only narrows what is listed.
 */
export async function getChecklist(releaseId: string, filter: ChecklistFilter) {
  const [phases, items] = await Promise.all([
    db.phase.findMany({
      where: { releaseId },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }],
      select: { id: true, name: true, description: true, position: true, version: true },
    }),
    db.item.findMany({
      where: { releaseId },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }],
      select: itemListFields,
    }),
  ]);
  const now = new Date();
  const subItemsByParent = groupBy(
    items.filter((item) => item.parentId),
    (item) => item.parentId!,
  );
  const topLevel = items.filter((item) => !item.parentId);
  const matches = (item: (typeof topLevel)[number]) =>
    (!filter.status || item.status === filter.status) &&
    (!filter.priority || item.priority === filter.priority) &&
    (!filter.assignee || item.assignee?.id === filter.assignee) &&
    (!filter.category || item.category?.id === filter.category);

  const byPhase = groupBy(topLevel, (item) => item.phaseId);
  const phaseViews = phases.map((phase) => {
    const phaseItems = byPhase.get(phase.id) ?? [];
    return {
      ...phase,
      progress: computeProgress(phaseItems, now),
      items: phaseItems.filter(matches).map((item) => {
        const subItems = subItemsByParent.get(item.id) ?? [];
        return { ...item, subItems, subItemSummary: summarizeSubItems(subItems, now) };
      }),
    };
  });
  return { phases: phaseViews, progress: computeProgress(topLevel, now), now };
}

/** Overall progress only, for pages that show the release header without its checklist. */
export async function getReleaseProgress(releaseId: string) {
  const items = await db.item.findMany({
    where: { releaseId, parentId: null },
    select: { status: true, priority: true, dueDate: true, waiverExpiresAt: true, parentId: true },
  });
  return computeProgress(items, new Date());
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
