// Paging of the checklist (issue 8): a large release's page lists at most CHECKLIST_PAGE_SIZE
// top-level items (each with its sub-items), in phase order, so no page renders thousands of
// rows. Progress is always counted over every item; paging only narrows what is listed.

export const CHECKLIST_PAGE_SIZE = 100;

type PagedItem = { id: string; phaseId: string };

export type ChecklistWindow = {
  page: number;
  pageCount: number;
  /** Matching top-level items in all pages. */
  total: number;
  /** 0-based position of the first item of this page among all matching items. */
  offset: number;
  /** The ids listed on this page, in order. */
  ids: string[];
  /** For each phase with matching items: the page its first item is on, and how many there are. */
  phases: Map<string, { firstPage: number; count: number }>;
};

/** Cuts the matching items, already in phase-then-position order, into pages. */
export function checklistWindow(ordered: PagedItem[], requestedPage: number, pageSize = CHECKLIST_PAGE_SIZE): ChecklistWindow {
  const pageCount = Math.max(1, Math.ceil(ordered.length / pageSize));
  const page = Math.min(Math.max(1, Math.floor(requestedPage) || 1), pageCount);
  const offset = (page - 1) * pageSize;
  const phases = new Map<string, { firstPage: number; count: number }>();
  ordered.forEach((item, index) => {
    const entry = phases.get(item.phaseId);
    if (entry) entry.count += 1;
    else phases.set(item.phaseId, { firstPage: Math.floor(index / pageSize) + 1, count: 1 });
  });
  return { page, pageCount, total: ordered.length, offset, ids: ordered.slice(offset, offset + pageSize).map((item) => item.id), phases };
}
