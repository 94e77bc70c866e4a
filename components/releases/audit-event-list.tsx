import { LocalTime } from "@/components/ui/local-time";

type Event = {
  id: bigint;
  action: string;
  entityType: string;
  before: unknown;
  after: unknown;
  createdAt: Date;
  actor: { name: string } | null;
};

function describe(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value !== "object") return String(value);
  return Object.entries(value as Record<string, unknown>)
    .filter(([key]) => !["id", "releaseId", "phaseId", "version", "position"].includes(key) || Object.keys(value as object).length <= 2)
    .map(([key, field]) => `${key}: ${typeof field === "object" && field !== null ? JSON.stringify(field) : String(field ?? "(empty)")}`)
    .join(", ");
}

/** Who changed what and when, with the values before and after. */
export function AuditEventList({ events }: { events: Event[] }) {
  if (events.length === 0) {
    return <p className="text-sm text-slate-500 dark:text-slate-400">No changes recorded yet.</p>;
  }
  return (
    <ol className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900">
      {events.map((event) => (
        <li key={event.id.toString()} className="space-y-1 px-4 py-3 text-sm">
          <p>
            <strong>{event.actor?.name ?? "System"}</strong> <span className="font-mono text-xs">{event.action}</span>{" "}
            <span className="text-slate-500 dark:text-slate-400">· <LocalTime date={event.createdAt} /></span>
          </p>
          {event.before ? <p className="break-words text-xs text-slate-600 dark:text-slate-400"><span className="font-medium">Before</span> {describe(event.before)}</p> : null}
          {event.after ? <p className="break-words text-xs text-slate-600 dark:text-slate-400"><span className="font-medium">After</span> {describe(event.after)}</p> : null}
        </li>
      ))}
    </ol>
  );
}
