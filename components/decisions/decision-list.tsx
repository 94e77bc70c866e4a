import Link from "next/link";
import { DecisionBadge } from "@/components/readiness/badges";
import { LocalTime } from "@/components/ui/local-time";
import type { DecisionSummary } from "@/lib/decisions/queries";
import { formatDay } from "@/lib/format";

/** Every decision recorded for a release, newest first. */
export function DecisionList({ releaseId, decisions }: { releaseId: string; decisions: DecisionSummary[] }) {
  if (decisions.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-400">No decision recorded yet.</p>;
  return (
    <ol className="divide-y divide-slate-100 dark:divide-slate-800">
      {decisions.map((decision) => (
        <li key={decision.id} className="space-y-1 py-3 text-sm">
          <p className="flex flex-wrap items-center gap-2">
            <DecisionBadge outcome={decision.outcome} isOverride={decision.overrideReason !== null} />
            <Link href={`/releases/${releaseId}/decisions/${decision.id}`} className="font-medium text-sky-800 underline dark:text-sky-300">
              Decision record
            </Link>
            <span className="text-slate-600 dark:text-slate-400">
              {decision.decidedBy.name} · <LocalTime date={decision.createdAt} />
              {decision.newTargetDate ? ` · new target ${formatDay(decision.newTargetDate)}` : ""}
            </span>
          </p>
          <p className="text-slate-700 dark:text-slate-300">{decision.rationale}</p>
        </li>
      ))}
    </ol>
  );
}
