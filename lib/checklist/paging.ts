// Paging of the checklist (issue 8): a large release's page lists at most CHECKLIST_PAGE_SIZE
// top-level items (each with its sub-items), in phase order, so no page renders thousands of
// rows. Progress is always counted over every item; paging only narrows what is listed.

export const CHECKLIST_PAGE_SIZE = 100;

export type ChecklistWindow = {
  page: number;
  pageCount: number;
  /** Matching top-level items in all pages. */
  total: number;
  /** 0-based position of the first item of this page among all matching items. */
  offset: number;
  pageSize: number;
  /** For each phase with matching items: the page its first item is on, and how many there are. */
  phases: Map<string, { firstPage: number; count: number }>;
};

/** Cuts the matching items, counted per phase in phase order, into pages. */
export function checklistWindow(
  phaseCounts: readonly { phaseId: string; count: number }[],
  requestedPage: number,
  pageSize = CHECKLIST_PAGE_SIZE,
): ChecklistWindow {
  const total = phaseCounts.reduce((sum, phase) => sum + phase.count, 0);
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, Math.floor(requestedPage) || 1), pageCount);
  const phases = new Map<string, { firstPage: number; count: number }>();
  let before = 0;
  for (const { phaseId, count } of phaseCounts) {
    if (count > 0) phases.set(phaseId, { firstPage: Math.floor(before / pageSize) + 1, count });
    before += count;
  }
  return { page, pageCount, total, offset: (page - 1) * pageSize, pageSize, phases };
}
