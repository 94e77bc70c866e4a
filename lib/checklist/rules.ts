import type { ItemPriority, ItemStatus } from "@/lib/generated/prisma/enums";

// Progress (F5). Pure: plain data in, plain data out; pages, actions and the API all use it.
//
// What counts: top-level items. A sub-item is a step of its parent; the parent's own
// status says whether the work is done, and its sub-items show as "x of y" beside it.
// A waived item is not applicable, unless its waiver has expired, when it is open again.

export type ProgressItem = {
  status: ItemStatus;
  priority: ItemPriority;
  dueDate: Date | null;
  waiverExpiresAt?: Date | null;
  parentId?: string | null;
};

export type Progress = {
  total: number;
  applicable: number;
  done: number;
  waived: number;
  /** Whole percent of applicable items done, or null when nothing is applicable. */
  percent: number | null;
  blockingOpen: number;
  overdue: number;
};

export function isWaiverActive(item: Pick<ProgressItem, "status" | "waiverExpiresAt">, now: Date): boolean {
  if (item.status !== "WAIVED") return false;
  return !item.waiverExpiresAt || item.waiverExpiresAt.getTime() > now.getTime();
}

/** Done, or waived with a waiver still in force. */
export function isClosed(item: Pick<ProgressItem, "status" | "waiverExpiresAt">, now: Date): boolean {
  return item.status === "DONE" || isWaiverActive(item, now);
}

const DAY_MS = 86_400_000;

/** A due date is a calendar day (midnight UTC): it is past once that whole day is over. */
export function isPastDueDay(dueDate: Date, now: Date): boolean {
  return dueDate.getTime() + DAY_MS <= now.getTime();
}

export function isOverdue(item: ProgressItem, now: Date): boolean {
  return item.dueDate !== null && isPastDueDay(item.dueDate, now) && !isClosed(item, now);
}

/**
 * Top-level items that count alike, and how many there are: all that progress and the score
 * need. The database sums a release's items into these (lib/checklist/tallies.ts), a few dozen
 * rows however many items there are; `tallyOf` makes one from a single item, by the same rules.
 */
export type ProgressTally = {
  status: ItemStatus;
  priority: ItemPriority;
  /** Waived, with the waiver still in force. */
  waived: boolean;
  overdue: boolean;
  count: number;
};

export function tallyOf(item: ProgressItem, now: Date): ProgressTally {
  return { status: item.status, priority: item.priority, waived: isWaiverActive(item, now), overdue: isOverdue(item, now), count: 1 };
}

export function progressFromTallies(tallies: readonly ProgressTally[]): Progress {
  let total = 0;
  let waived = 0;
  let done = 0;
  let blockingOpen = 0;
  let overdue = 0;
  for (const tally of tallies) {
    total += tally.count;
    if (tally.waived) waived += tally.count;
    else if (tally.status === "DONE") done += tally.count;
    if (tally.priority === "BLOCKING" && !tally.waived && tally.status !== "DONE") blockingOpen += tally.count;
    if (tally.overdue) overdue += tally.count;
  }
  const applicable = total - waived;
  return {
    total,
    applicable,
    done,
    waived,
    percent: applicable === 0 ? null : Math.floor((done / applicable) * 100),
    blockingOpen,
    overdue,
  };
}

export function computeProgress(items: readonly ProgressItem[], now: Date): Progress {
  return progressFromTallies(items.filter((item) => !item.parentId).map((item) => tallyOf(item, now)));
}

/** "90% complete (18/20), 2 blocking open, 1 overdue": the line the seed plans count by hand. */
export function describeProgress(progress: Progress): string {
  if (progress.total === 0) return "No items yet";
  const parts = [
    progress.percent === null
      ? "No applicable items (all waived)"
      : `${progress.percent}% complete (${progress.done}/${progress.applicable})`,
  ];
  if (progress.blockingOpen > 0) parts.push(`${progress.blockingOpen} blocking open`);
  if (progress.overdue > 0) parts.push(`${progress.overdue} overdue`);
  return parts.join(", ");
}

export type SubItemSummary = { done: number; total: number };

/** "2 of 5" for a parent's sub-items; waived sub-items are left out, as in progress. */
export function summarizeSubItems(subItems: readonly ProgressItem[], now: Date): SubItemSummary {
  const applicable = subItems.filter((item) => !isWaiverActive(item, now));
  return { done: applicable.filter((item) => item.status === "DONE").length, total: applicable.length };
}
