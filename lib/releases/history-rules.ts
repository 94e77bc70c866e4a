import { scoreFromCounts, type CategoryCount, type ScoreCategory } from "@/lib/releases/score";

// Readiness over time (F17), rebuilt from the audit history. Pure.
//
// The history is replayed backwards from the release as it is now: each day's values are
// today's minus every change recorded after that day. Items that were created before their
// changes were audited (demo data, imports) simply count from the start. Historical weights are
// today's weights, and an item counts in the category it has now.

/** What one day's recorded changes did, per readiness category ("" for none). */
export type DailyDelta = { day: string; categoryId: string; done: number; applicable: number };

export type DayPoint = { day: string; open: number; done: number; score: number | null };

const DAY_MS = 86_400_000;

export function dayKey(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The calendar days (UTC) from `days - 1` days before `now` up to today, oldest first. */
export function lastDays(now: Date, days: number): string[] {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Array.from({ length: days }, (_, index) => dayKey(new Date(today - (days - 1 - index) * DAY_MS)));
}

export function replayHistory(input: {
  days: readonly string[];
  categories: readonly ScoreCategory[];
  threshold: number;
  /** Today's applicable and done top-level items per category ("" for uncategorised). */
  current: ReadonlyMap<string, CategoryCount>;
  deltas: readonly DailyDelta[];
}): DayPoint[] {
  const counts = new Map([...input.current].map(([category, count]) => [category, { ...count }]));
  const byDay = new Map<string, DailyDelta[]>();
  for (const delta of input.deltas) byDay.set(delta.day, [...(byDay.get(delta.day) ?? []), delta]);
  const points: DayPoint[] = [];
  // Walk from today back: record the end-of-day state, then undo that day's changes.
  for (const day of [...input.days].reverse()) {
    let open = 0;
    let done = 0;
    for (const count of counts.values()) {
      open += Math.max(0, count.applicable - count.done);
      done += Math.max(0, count.done);
    }
    const score = scoreFromCounts(input.categories, counts, input.threshold);
    points.push({ day, open, done, score: score.value === null ? null : Math.round(score.value * 10) / 10 });
    for (const delta of byDay.get(day) ?? []) {
      const count = counts.get(delta.categoryId) ?? { done: 0, applicable: 0 };
      count.done -= delta.done;
      count.applicable -= delta.applicable;
      counts.set(delta.categoryId, count);
    }
  }
  return points.reverse();
}

/** "Open items went from 42 to 7 in the last 30 days": the burndown as a sentence. */
export function describeTrend(points: readonly DayPoint[]): string {
  const first = points[0];
  const last = points.at(-1);
  if (!first || !last) return "No history yet.";
  const days = points.length;
  const open = first.open === last.open ? `Open items stayed at ${last.open}` : `Open items went from ${first.open} to ${last.open}`;
  const done = `done items from ${first.done} to ${last.done}`;
  const score = first.score === null || last.score === null ? "" : `, and the score from ${first.score} to ${last.score}`;
  return `${open}, ${done}${score}, over the last ${days} days.`;
}
