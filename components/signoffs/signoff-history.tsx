import { LocalTime } from "@/components/ui/local-time";
import { formatDay } from "@/lib/format";
import { verdictLabels } from "@/lib/labels";
import type { SignoffBoardRole } from "@/lib/signoffs/queries";

/** Every sign-off ever given for a role, newest first: nothing is overwritten, a newer one supersedes. */
export function SignoffHistory({ history }: { history: SignoffBoardRole["history"] }) {
  if (history.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-400">Nobody has signed yet.</p>;
  const superseded = new Set(history.map((record) => record.supersedesId).filter(Boolean));
  return (
    <ol className="space-y-3">
      {history.map((record) => (
        <li key={record.id} className="border-l-2 border-slate-200 pl-3 text-sm dark:border-slate-700">
          <p>
            <strong>{verdictLabels[record.verdict]}</strong> by {record.signerName} · <LocalTime date={record.createdAt} />
            {superseded.has(record.id) ? <span className="text-slate-500 dark:text-slate-400"> · superseded</span> : null}
          </p>
          {record.comment ? <p className="whitespace-pre-line text-slate-700 dark:text-slate-300">{record.comment}</p> : null}
          {record.evidenceReviewed ? (
            <p className="whitespace-pre-line text-xs text-slate-600 dark:text-slate-400">Reviewed: {record.evidenceReviewed}</p>
          ) : null}
          {record.conditions.length > 0 ? (
            <ul className="mt-1 list-disc pl-5 text-xs">
              {record.conditions.map((condition, index) => {
                const resolution = record.resolutions[index];
                return (
                  <li key={condition.id}>
                    {condition.description} ({condition.ownerName}, due {formatDay(condition.dueDate)})
                    {resolution ? ` · met, marked by ${resolution.resolvedBy.name}${resolution.note ? `: ${resolution.note}` : ""}` : " · open"}
                  </li>
                );
              })}
            </ul>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
