// Dates are stored in UTC. Calendar days (target and due dates) are shown as the day that
// was entered; moments (when something happened) in the viewer's time zone, in the browser.

const dayFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

export function formatDay(date: Date | null | undefined): string {
  return date ? dayFormat.format(date) : "";
}

/** YYYY-MM-DD, for a date input's value. */
export function toDayInput(date: Date | null | undefined): string {
  return date ? date.toISOString().slice(0, 10) : "";
}

/** "in 3 days", "today", "5 days ago": the countdown to a calendar day. */
export function describeDaysUntil(date: Date, now: Date): string {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const days = Math.round((date.getTime() - today) / 86_400_000);
  if (days === 0) return "today";
  if (days === 1) return "tomorrow";
  if (days === -1) return "yesterday";
  return days > 0 ? `in ${days} days` : `${-days} days ago`;
}
