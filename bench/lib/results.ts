// The figures of npm run bench: medians of the repetitions, each page compared with its floor
// route, the budgets, and the scaling curve. Pure, so a unit test covers it.
import type { WrkFigures } from "./wrk";

export type Target = { name: string; path: string; floor: "/hello" | "/table" | null };

export type Result = {
  name: string;
  concurrency: number;
  /** Seconds each repetition ran (the median). */
  seconds: number;
  rps: number;
  /** Milliseconds; null when no request finished in any repetition. */
  p50: number | null;
  p95: number | null;
  p99: number | null;
  /** Socket errors, timeouts, statuses of 400 and above, wrong answers, and runs with no answer at all. */
  errors: number;
  /** The floor route this is compared with (null for the floor's own routes). */
  floor: string | null;
  floor_p95: number | null;
  ratio: number | null;
  /**
   * Server CPU per request, ms: what the server's processes used from the start of a run until
   * they were idle again (read from /proc), over the requests; the median of the repetitions.
   */
  cpu_ms: number | null;
};

/** One run of wrk, with the server CPU it cost when that was measured. */
export type RunFigures = WrkFigures & { cpuMs?: number };

export type ScalingPoint = { page: string; items: number; ms: number };

export function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

/** One row from the repetitions of one target at one concurrency: medians, and every error. */
export function summarize(target: Target, concurrency: number, reps: RunFigures[]): Result {
  // A run in which no request finished has no latencies: it counts as an error, not as 0 ms.
  const answered = reps.filter((rep) => rep.requests > 0);
  const of = (pick: (rep: WrkFigures) => number) => (answered.length > 0 ? round(median(answered.map(pick))) : null);
  return {
    name: target.name,
    concurrency,
    seconds: round(median(reps.map((rep) => rep.seconds)), 1),
    rps: round(median(reps.map((rep) => rep.rps)), 1),
    p50: of((rep) => rep.p50),
    p95: of((rep) => rep.p95),
    p99: of((rep) => rep.p99),
    errors: reps.reduce((sum, rep) => sum + rep.errors + (rep.requests === 0 ? 1 : 0), 0),
    floor: target.floor,
    floor_p95: null,
    ratio: null,
    cpu_ms: answered.some((rep) => rep.cpuMs !== undefined) ? round(median(answered.flatMap((rep) => (rep.cpuMs === undefined ? [] : [rep.cpuMs]))), 1) : null,
  };
}

/** Fills in each row's floor p95 (the floor route's row at the same concurrency) and the ratio. */
export function compareWithFloor(results: Result[], targets: Target[]): Result[] {
  const pathOf = new Map(targets.map((target) => [target.name, target.path]));
  return results.map((result) => {
    if (!result.floor) return result;
    const floorRow = results.find((row) => !row.floor && pathOf.get(row.name) === result.floor && row.concurrency === result.concurrency);
    if (!floorRow?.p95 || result.p95 === null) return result;
    return { ...result, floor_p95: floorRow.p95, ratio: round(result.p95 / floorRow.p95) };
  });
}

export type Budget = { budget: string; holds: boolean; actual: string };

/** The budgets of issue 8 at concurrency 10, and no errors anywhere. Printed, never enforced. */
export function checkBudgets(results: Result[], concurrency = 10): Budget[] {
  const limits: [string, number][] = [
    ["dashboard", 3],
    ["checklist", 1.5],
    ["portfolio", 3],
    ["item status change", 3],
  ];
  const budgets = limits.map(([name, limit]): Budget => {
    const row = results.find((result) => result.name === name && result.concurrency === concurrency);
    const label = `${name} p95 <= ${limit}x ${row?.floor ?? "floor"} at c=${concurrency}`;
    if (!row || row.ratio === null) return { budget: label, holds: false, actual: "not measured" };
    return { budget: label, holds: row.ratio <= limit, actual: `${row.ratio}x (${row.p95} ms vs ${row.floor_p95} ms)` };
  });
  const errors = results.reduce((sum, result) => sum + result.errors, 0);
  const failing = results.filter((result) => result.errors > 0).map((result) => `${result.name} c=${result.concurrency}: ${result.errors}`);
  budgets.push({ budget: "zero errors everywhere", holds: errors === 0, actual: errors === 0 ? "0" : failing.join(", ") });
  return budgets;
}

export type ScalingVerdict = { page: string; times: Record<string, number>; growth: number; sizeGrowth: number; atMostLinear: boolean };

/** Whether each page's render time grows at most linearly from the smallest release to the largest. */
export function scalingVerdicts(points: ScalingPoint[]): ScalingVerdict[] {
  const pages = [...new Set(points.map((point) => point.page))];
  return pages.map((page) => {
    const mine = points.filter((point) => point.page === page).sort((a, b) => a.items - b.items);
    const first = mine[0]!;
    const last = mine.at(-1)!;
    const growth = round(last.ms / first.ms);
    const sizeGrowth = round(last.items / first.items);
    const steps = mine.slice(1).every((point, index) => point.ms / mine[index]!.ms <= point.items / mine[index]!.items);
    return { page, times: Object.fromEntries(mine.map((point) => [`${point.items} items`, point.ms])), growth, sizeGrowth, atMostLinear: growth <= sizeGrowth && steps };
  });
}

/** A plain text table of objects with the same keys. */
export function formatTable(rows: Record<string, unknown>[]): string {
  if (rows.length === 0) return "";
  const keys = Object.keys(rows[0]!);
  const cell = (value: unknown) => (value === null || value === undefined ? "-" : String(value));
  const widths = keys.map((key) => Math.max(key.length, ...rows.map((row) => cell(row[key]).length)));
  const line = (values: string[]) => values.map((value, index) => (index === 0 ? value.padEnd(widths[index]!) : value.padStart(widths[index]!))).join("  ");
  return [line(keys), line(widths.map((width) => "-".repeat(width))), ...rows.map((row) => line(keys.map((key) => cell(row[key]))))].join("\n");
}
