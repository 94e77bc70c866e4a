import "server-only";
import { LRUCache } from "lru-cache";
import { db } from "@/lib/db";
import type { ReadinessInput } from "@/lib/decisions/rules";
import { lastDays, replayHistory, type DailyDelta } from "@/lib/releases/history-rules";
import { countByCategory } from "@/lib/releases/score";

export const HISTORY_DAYS = 30;

type DeltaRow = { day: string; category_id: string | null; done: bigint | number; applicable: bigint | number };

// The sums below scan every item change of the last 30 days: about 80 ms for a release with
// 25,000 of them (docs/performance.md), so they are kept per process under the release's
// latest audit event. Audit events are append-only, every change to a release's items records
// one, and their ids are drawn in commit order (each writer holds the chain's lock until it
// commits, prisma/migrations/*_audit_hash_chain): a change the sums do not include comes with
// a higher id. Reading that id is one step down the (release_id, id) index, where counting
// the events read all 50,000 of the large bench release's on every view (10 ms).
const deltasByVersion = new LRUCache<string, DailyDelta[]>({ max: 500 });

/**
 * The daily effect of every recorded change to the release's top-level items since `since`,
 * summed per day and category in the database: a few dozen rows however long the history.
 */
async function loadDailyDeltas(releaseId: string, since: Date): Promise<DailyDelta[]> {
  // Read first: the sums made after it can only be newer than the event they are kept under.
  const [latest] = await db.$queryRaw<{ id: bigint | null }[]>`SELECT max(id) AS id FROM audit_events WHERE release_id = ${releaseId}`;
  const key = `${releaseId} ${since.toISOString()} ${latest?.id ?? "none"}`;
  const kept = deltasByVersion.get(key);
  if (kept) return kept;
  const deltas = await sumDailyDeltas(releaseId, since);
  deltasByVersion.set(key, deltas);
  return deltas;
}

async function sumDailyDeltas(releaseId: string, since: Date): Promise<DailyDelta[]> {
  const rows = await db.$queryRaw<DeltaRow[]>`
    WITH changes AS (
      SELECT to_char(a.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day,
             COALESCE(i.category_id, a.after ->> 'categoryId', a.before ->> 'categoryId') AS category_id,
             CASE WHEN a.action = 'item.created' THEN NULL ELSE a.before ->> 'status' END AS from_status,
             CASE a.action WHEN 'item.deleted' THEN NULL WHEN 'item.waived' THEN 'WAIVED' ELSE a.after ->> 'status' END AS to_status
      FROM audit_events a
      LEFT JOIN items i ON i.id = a.entity_id
      WHERE a.release_id = ${releaseId}
        AND a.entity_type = 'item'
        AND a.action IN ('item.created', 'item.status_changed', 'item.waived', 'item.deleted')
        AND a.created_at >= ${since}
        AND COALESCE(i.parent_id, a.after ->> 'parentId', a.before ->> 'parentId') IS NULL
    )
    SELECT day, category_id,
           SUM((to_status = 'DONE')::int - (from_status = 'DONE')::int) AS done,
           SUM((to_status IS NOT NULL AND to_status <> 'WAIVED')::int - (from_status IS NOT NULL AND from_status <> 'WAIVED')::int) AS applicable
    FROM changes
    GROUP BY day, category_id`;
  return rows.map((row) => ({ day: row.day, categoryId: row.category_id ?? "", done: Number(row.done), applicable: Number(row.applicable) }));
}

/** Open and done items and the score, day by day, for the burndown, burn-up and score trend. */
export async function getReadinessHistory(releaseId: string, input: ReadinessInput, now: Date) {
  const days = lastDays(now, HISTORY_DAYS);
  const deltas = await loadDailyDeltas(releaseId, new Date(`${days[0]}T00:00:00Z`));
  const current = countByCategory(input.tallies);
  return replayHistory({ days, categories: input.categories, threshold: input.threshold, current, deltas });
}
