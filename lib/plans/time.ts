import { TZDate, tz } from "@date-fns/tz";
import { format } from "date-fns";

// Local times in a release's or a freeze window's time zone, converted with a maintained time
// zone library rather than offset arithmetic. Pure.

const LOCAL_PATTERN = "yyyy-MM-dd'T'HH:mm";
const localRegex = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

export function isTimeZone(zone: string): boolean {
  if (!zone || zone.length > 64) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export type LocalTimeResult = { ok: true; instant: Date } | { ok: false; reason: string };

/**
 * The instant of a wall-clock time ("2026-10-25T02:30") in `zone`. A time skipped when the
 * clocks go forward does not exist and is refused; a time that happens twice when they go back
 * is read as its later occurrence.
 */
export function localToInstant(local: string, zone: string): LocalTimeResult {
  const match = localRegex.exec(local);
  if (!match) return { ok: false, reason: "is not a date and time like 2026-12-31T09:30" };
  if (!isTimeZone(zone)) return { ok: false, reason: `uses an unknown time zone "${zone}"` };
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return { ok: false, reason: "is not a real date and time" };
  const date = new TZDate(year, month - 1, day, hour, minute, zone);
  if (Number.isNaN(date.getTime())) return { ok: false, reason: "is not a real date and time" };
  if (format(date, LOCAL_PATTERN, { in: tz(zone) }) !== local) {
    const sameDay = format(date, "yyyy-MM-dd", { in: tz(zone) }) === local.slice(0, 10);
    return { ok: false, reason: sameDay ? `does not exist in ${zone}: the clocks skip it that day` : "is not a real date and time" };
  }
  return { ok: true, instant: new Date(date.getTime()) };
}

/** The wall-clock time of an instant in `zone`, as a datetime-local input wants it. */
export function instantToLocal(instant: Date, zone: string): string {
  return format(new TZDate(instant.getTime(), zone), LOCAL_PATTERN, { in: tz(zone) });
}

/** "09:30" in `zone`. */
export function clockTime(instant: Date, zone: string): string {
  return format(new TZDate(instant.getTime(), zone), "HH:mm", { in: tz(zone) });
}

/** The instants a calendar day spans in `zone` (23, 24 or 25 hours long). */
export function dayInZone(day: string, zone: string): { start: Date; end: Date } {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  const start = new TZDate(year, month - 1, date, 0, 0, zone);
  const end = new TZDate(year, month - 1, date + 1, 0, 0, zone);
  return { start: new Date(start.getTime()), end: new Date(end.getTime()) };
}

/** Half-open intervals [start, end) overlap when each starts before the other ends. */
export function overlaps(a: { start: Date; end: Date }, b: { start: Date; end: Date }): boolean {
  return a.start.getTime() < b.end.getTime() && b.start.getTime() < a.end.getTime();
}
