import Link from "next/link";
import { ProgressSummary } from "@/components/checklist/progress-summary";
import { ReleaseStatusBadge } from "@/components/checklist/badges";
import { DecisionBadge } from "@/components/readiness/badges";
import { Badge } from "@/components/ui/badge";
import { describeDaysUntil, formatDay } from "@/lib/format";
import type { ReleaseSummary } from "@/lib/releases/queries";

export function ReleaseTable({ releases }: { releases: ReleaseSummary[] }) {
  if (releases.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-slate-300 p-8 text-center text-sm text-slate-600 dark:border-slate-700 dark:text-slate-400">
        No releases yet.
      </p>
    );
  }
  const now = new Date();
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <table className="w-full min-w-[64rem] text-left text-sm">
        <caption className="sr-only">Releases with status, progress, blocking items, readiness score, sign-offs, go/no-go state and target date</caption>
        <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500 dark:border-slate-800 dark:text-slate-400">
          <tr>
            <th scope="col" className="px-4 py-2 font-medium">Release</th>
            <th scope="col" className="px-4 py-2 font-medium">Status</th>
            <th scope="col" className="w-64 px-4 py-2 font-medium">Progress</th>
            <th scope="col" className="px-4 py-2 font-medium">Blocking open</th>
            <th scope="col" className="px-4 py-2 font-medium">Score</th>
            <th scope="col" className="px-4 py-2 font-medium">Sign-offs</th>
            <th scope="col" className="px-4 py-2 font-medium">Go/no-go</th>
            <th scope="col" className="px-4 py-2 font-medium">Target date</th>
            <th scope="col" className="px-4 py-2 font-medium">Owner</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
          {releases.map((release) => (
            <tr key={release.id} className="align-top">
              <td className="px-4 py-3">
                <Link href={`/releases/${release.id}`} className="font-medium text-sky-800 hover:underline dark:text-sky-300">
                  {release.name}
                </Link>
                <div className="text-xs text-slate-500 dark:text-slate-400">{release.versionName}</div>
                {release.archivedAt ? <Badge tone="muted" className="mt-1">Archived</Badge> : null}
              </td>
              <td className="px-4 py-3"><ReleaseStatusBadge status={release.status} isOverride={release.latestDecision?.overrideReason != null} /></td>
              <td className="px-4 py-3">
                <ProgressSummary progress={release.progress} label={`Progress of ${release.name}`} compact />
              </td>
              <td className="px-4 py-3">
                {release.progress.blockingOpen > 0 ? (
                  <Badge tone="danger" symbol="■">{release.progress.blockingOpen} open</Badge>
                ) : (
                  <Badge tone="success" symbol="✓">None</Badge>
                )}
              </td>
              <td className="px-4 py-3 whitespace-nowrap tabular-nums">
                {release.score.display === null ? (
                  <span className="text-slate-500 dark:text-slate-400">–</span>
                ) : (
                  <span>
                    <strong>{release.score.display}</strong>
                    <span className="text-xs text-slate-500 dark:text-slate-400"> / GO at {release.score.threshold}</span>
                    <span className="sr-only">{release.score.meetsThreshold ? ", meets the threshold" : ", below the threshold"}</span>
                  </span>
                )}
              </td>
              <td className="px-4 py-3 whitespace-nowrap tabular-nums">
                {release.signoffs.total === 0 ? <span className="text-slate-500 dark:text-slate-400">none required</span> : `${release.signoffs.approved} of ${release.signoffs.total}`}
              </td>
              <td className="px-4 py-3">
                {release.latestDecision ? (
                  <DecisionBadge outcome={release.latestDecision.outcome} isOverride={release.latestDecision.overrideReason !== null} />
                ) : release.isReady ? (
                  <Badge tone="success" symbol="✓">Ready</Badge>
                ) : (
                  <Badge tone="neutral" symbol="○">Not ready</Badge>
                )}
              </td>
              <td className="px-4 py-3 whitespace-nowrap">
                {formatDay(release.targetDate)}
                <div className="text-xs text-slate-500 dark:text-slate-400">{describeDaysUntil(release.targetDate, now)}</div>
              </td>
              <td className="px-4 py-3">{release.owner.name}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
