import "server-only";
import type { DbClient } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ChecklistFilter } from "@/lib/checklist/schemas";
import type { ScoreTally } from "@/lib/releases/score";

// Progress, the score and the checklist's paging need counts, not items. A release of 5,000
// items took about 48 ms of CPU to read and map item by item through Prisma, and 5 ms to count
// in the database (docs/performance.md). The sums below follow the pure rules exactly
// (`tallyOf` in lib/checklist/rules.ts); tests/integration/tallies.test.ts checks them against
// those rules on generated items, across the time boundaries.

export type ItemTally = ScoreTally & {
  releaseId: string;
  phaseId: string;
  /** How many of `count` the checklist's filter lists (all of them without a filter). */
  matching: number;
};

type TallyRow = {
  release_id: string;
  phase_id: string;
  category_id: string | null;
  status: ScoreTally["status"];
  priority: ScoreTally["priority"];
  waived: boolean;
  overdue: boolean;
  count: number;
  matching: number;
};

/** The checklist filter as a condition on `items i`; TRUE without one. */
export function filterCondition(filter: Partial<ChecklistFilter> = {}): Prisma.Sql {
  const conditions = [
    filter.status ? Prisma.sql`i.status::text = ${filter.status}` : null,
    filter.priority ? Prisma.sql`i.priority::text = ${filter.priority}` : null,
    filter.assignee ? Prisma.sql`i.assignee_id = ${filter.assignee}` : null,
    filter.category ? Prisma.sql`i.category_id = ${filter.category}` : null,
  ].filter((condition) => condition !== null);
  return conditions.length === 0 ? Prisma.sql`TRUE` : Prisma.join(conditions, " AND ");
}

/**
 * The top-level items of the releases counted alike at `now`: a row per phase, category,
 * status, priority and time-dependent state, however many items there are.
 */
export async function tallyItems(
  client: DbClient,
  releaseIds: readonly string[],
  now: Date,
  filter: Partial<ChecklistFilter> = {},
): Promise<ItemTally[]> {
  if (releaseIds.length === 0) return [];
  // isWaiverActive and isOverdue of lib/checklist/rules.ts. A due date is past once a whole
  // day of 24 hours has gone by: an interval of '1 day' would follow the session's time zone.
  const waived = Prisma.sql`(i.status = 'WAIVED' AND (i.waiver_expires_at IS NULL OR i.waiver_expires_at > ${now}))`;
  const rows = await client.$queryRaw<TallyRow[]>`
    SELECT i.release_id, i.phase_id, i.category_id, i.status::text AS status, i.priority::text AS priority,
           ${waived} AS waived,
           (i.due_date IS NOT NULL AND i.due_date + interval '24 hours' <= ${now} AND i.status <> 'DONE' AND NOT ${waived}) AS overdue,
           count(*)::int AS count,
           (count(*) FILTER (WHERE ${filterCondition(filter)}))::int AS matching
    FROM items i
    WHERE i.release_id IN (${Prisma.join([...releaseIds])}) AND i.parent_id IS NULL
    GROUP BY 1, 2, 3, 4, 5, 6, 7`;
  return rows.map((row) => ({
    releaseId: row.release_id,
    phaseId: row.phase_id,
    categoryId: row.category_id,
    status: row.status,
    priority: row.priority,
    waived: row.waived,
    overdue: row.overdue,
    count: row.count,
    matching: row.matching,
  }));
}

/**
 * The ids of the top-level items the filter lists, in checklist order (phase, then position),
 * from `offset`: one page of a checklist of any size.
 */
export async function listedItemIds(client: DbClient, releaseId: string, filter: Partial<ChecklistFilter>, offset: number, limit: number) {
  const rows = await client.$queryRaw<{ id: string }[]>`
    SELECT i.id FROM items i JOIN phases p ON p.id = i.phase_id
    WHERE i.release_id = ${releaseId} AND i.parent_id IS NULL AND ${filterCondition(filter)}
    ORDER BY p.position, p.created_at, p.id, i.position, i.created_at, i.id
    OFFSET ${offset} LIMIT ${limit}`;
  return rows.map((row) => row.id);
}
