import Link from "next/link";
import clsx from "clsx";
import { DecisionBadge } from "@/components/readiness/badges";
import { LocalTime } from "@/components/ui/local-time";
import type { DecisionOutcome } from "@/lib/generated/prisma/enums";
import { formatDay } from "@/lib/format";

type Decision = {
  id: string;
  outcome: DecisionOutcome;
  rationale: string;
  overrideReason: string | null;
  newTargetDate: Date | null;
  createdAt: Date;
  decidedBy: { name: string };
};

type Props = { decision: Decision | null; isReady: boolean; releaseId?: string };

/** The go/no-go state at the top of a release: the last decision, or where the criteria stand. */
export function DecisionBanner({ decision, isReady, releaseId }: Props) {
  const tone = decision
    ? decision.outcome === "NO_GO"
      ? "border-red-300 bg-red-50 dark:border-red-800 dark:bg-red-950"
      : decision.overrideReason
        ? "border-amber-300 bg-amber-50 dark:border-amber-800 dark:bg-amber-950"
        : "border-emerald-300 bg-emerald-50 dark:border-emerald-800 dark:bg-emerald-950"
    : "border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900";
  return (
    <section aria-label="Go/no-go status" className={clsx("rounded-lg border p-4", tone)}>
      {decision ? (
        <div className="space-y-1">
          <p className="flex flex-wrap items-center gap-2 text-lg font-semibold">
            <DecisionBadge outcome={decision.outcome} isOverride={decision.overrideReason !== null} />
            <span>
              {decision.outcome === "GO" ? "Decision: GO" : "Decision: NO-GO"}
              {decision.overrideReason ? " (override of failing criteria)" : ""}
            </span>
          </p>
          <p className="text-sm">
            By {decision.decidedBy.name} on <LocalTime date={decision.createdAt} />
            {decision.newTargetDate ? <> · new target {formatDay(decision.newTargetDate)}</> : null}
            {releaseId ? <> · <Link href={`/releases/${releaseId}/decisions/${decision.id}`} className="underline">decision record</Link></> : null}
          </p>
          <p className="text-sm text-slate-700 dark:text-slate-300">{decision.rationale}</p>
          {decision.overrideReason ? <p className="text-sm"><strong>Override reason:</strong> {decision.overrideReason}</p> : null}
          <p className="text-xs text-slate-600 dark:text-slate-400">
            Criteria now: {isReady ? "✓ all met" : "✕ not all met"}
          </p>
        </div>
      ) : (
        <p className="text-sm">
          <strong className="text-base">No decision recorded yet.</strong>{" "}
          {isReady ? "✓ Every go/no-go criterion is met." : "✕ Some go/no-go criteria are not met yet."}
        </p>
      )}
    </section>
  );
}
