import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { LocalTime } from "@/components/ui/local-time";
import { describeDaysUntil, formatDay } from "@/lib/format";
import { impactLabels, likelihoodLabels, outcomeLabels } from "@/lib/labels";
import { summarizeConflicts } from "@/lib/plans/freeze";
import type { PlanSummary as Summary } from "@/lib/plans/queries";

type Props = { summary: Summary; releaseId?: string };

function More({ href, children }: { href?: string; children: React.ReactNode }) {
  return href ? <Link href={href} className="text-xs text-sky-800 underline dark:text-sky-300">{children}</Link> : null;
}

/** The plan around the release at a glance: milestone, rollback readiness, watch window, freezes. */
export function PlanGlance({ summary, releaseId }: Props) {
  const base = releaseId ? `/releases/${releaseId}` : undefined;
  return (
    <dl className="grid gap-4 text-sm sm:grid-cols-2">
      <div>
        <dt className="font-medium">Next milestone</dt>
        <dd>
          {summary.nextMilestone ? <>{summary.nextMilestone.title} · {formatDay(summary.nextMilestone.dueAt)} ({describeDaysUntil(summary.nextMilestone.dueAt, summary.now)})</> : "None ahead."}{" "}
          <More href={base && `${base}/timeline`}>Timeline</More>
        </dd>
      </div>
      <div>
        <dt className="font-medium">Rollback</dt>
        <dd>
          {summary.rollback ? (
            <span className="flex flex-wrap items-center gap-1.5">
              {summary.rollback.totalMinutes} minutes of steps{summary.rollback.targetMinutes !== null ? ` (target ${summary.rollback.targetMinutes})` : ""}
              {summary.rollback.exceedsBy > 0 ? <Badge tone="danger" symbol="!">over target</Badge> : null}
              {summary.rollback.isRehearsalCurrent ? <Badge tone="success" symbol="✓">rehearsed</Badge> : <Badge tone="warning" symbol="!">not rehearsed in 30 days</Badge>}
            </span>
          ) : "No rollback plan yet."}{" "}
          <More href={base && `${base}/rollback`}>Rollback plan</More>
        </dd>
      </div>
      <div>
        <dt className="font-medium">Watch window</dt>
        <dd>
          {summary.watch.state === "not-released" ? "Starts when the release is out." : summary.watch.state === "watching" ? <>Watching, {summary.watch.daysLeft} days left</> : <>Ended <LocalTime date={summary.watch.endsAt} /></>}
          {summary.outcome ? <> · outcome: <strong>{outcomeLabels[summary.outcome]}</strong></> : null}
          {summary.incidents.open > 0 ? <> · <Badge tone="danger" symbol="!">{summary.incidents.open} open incident{summary.incidents.open === 1 ? "" : "s"}</Badge></> : null}
          {summary.criteria.total > 0 ? <> · {summary.criteria.met} of {summary.criteria.total} success criteria met</> : null}{" "}
          <More href={base && `${base}/after`}>After release</More>
        </dd>
      </div>
      <div>
        <dt className="font-medium">Freeze windows</dt>
        <dd>{summary.conflicts.length === 0 ? "No conflict." : <ul className="list-disc pl-5 text-red-800 dark:text-red-300">{summarizeConflicts(summary.conflicts).map((sentence) => <li key={sentence}>! {sentence}</li>)}</ul>}</dd>
      </div>
    </dl>
  );
}

/** The most severe open risks, with the critical ones marked. */
export function TopRisks({ summary }: { summary: Summary }) {
  if (summary.topRisks.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-400">No open risks.</p>;
  return (
    <ul className="space-y-3">
      {summary.topRisks.map((risk) => (
        <li key={risk.id} className="text-sm">
          <p className="flex flex-wrap items-center gap-2 font-medium">
            {risk.title}
            {risk.isCritical ? <Badge tone="danger" symbol="!">Critical</Badge> : null}
          </p>
          <p className="text-xs text-slate-600 dark:text-slate-400">
            Likelihood {likelihoodLabels[risk.likelihood]} · impact {impactLabels[risk.impact]}
            {risk.mitigation ? ` · mitigation: ${risk.mitigation}` : ""}
          </p>
        </li>
      ))}
    </ul>
  );
}
