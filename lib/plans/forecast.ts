// The forecast ready date (F14): when the open items would be done at the pace of completion
// of the last two weeks. Pure; an honest "not enough data" when the pace cannot be told.

export type PacePoint = { day: string; open: number; done: number };

export type Forecast =
  | { kind: "ready" }
  | { kind: "forecast"; date: Date; perDay: number; daysLate: number }
  | { kind: "insufficient"; reason: string };

const WINDOW_DAYS = 14;
const MIN_COMPLETED = 3;
const DAY_MS = 86_400_000;

export function forecastReadyDate(points: readonly PacePoint[], target: Date): Forecast {
  const last = points.at(-1);
  if (!last) return { kind: "insufficient", reason: "No history yet." };
  if (last.open === 0) return { kind: "ready" };
  const window = points.slice(-WINDOW_DAYS - 1);
  const first = window[0]!;
  const completed = last.done - first.done;
  const days = window.length - 1;
  if (days < 3 || completed < MIN_COMPLETED) {
    return { kind: "insufficient", reason: `Not enough data: ${Math.max(0, completed)} ${completed === 1 ? "item was" : "items were"} completed in the last ${days} days; at least ${MIN_COMPLETED} are needed to tell a pace.` };
  }
  const perDay = completed / days;
  const today = Date.parse(`${last.day}T00:00:00Z`);
  const date = new Date(today + Math.ceil(last.open / perDay) * DAY_MS);
  return { kind: "forecast", date, perDay: Math.round(perDay * 10) / 10, daysLate: Math.round((date.getTime() - target.getTime()) / DAY_MS) };
}
