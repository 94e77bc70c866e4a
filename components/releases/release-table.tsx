import Link from "next/link";
import { ProgressSummary } from "@/components/checklist/progress-summary";
import { ReleaseStatusBadge } from "@/components/checklist/badges";
import { DecisionBadge } from "@/components/readiness/badges";
import { Badge } from "@/components/ui/badge";
import { describeDaysUntil, formatDay } from "@/lib/format";
import type { ReleaseSummary } from "@/lib/releases/queries";
import { portfolioHref } from "@/lib/releases/portfolio-url";
import type { PortfolioQuery } from "@/lib/releases/schemas";

type SortKey = PortfolioQuery["sort"];
type Props = { releases: ReleaseSummary[]; query: PortfolioQuery; now: Date };

const headerClasses = "px-3 py-2 font-medium";

/** A column header that sorts by its column; says which way it sorts now. */
function SortHeader({ label, sortKey, query, className }: { label: string; sortKey: SortKey; query: PortfolioQuery; className?: string }) {
  const isCurrent = query.sort === sortKey;
  const nextDir = isCurrent && query.dir === "asc" ? "desc" : "asc";
  return (
    <th scope="col" className={`${headerClasses} ${className ?? ""}`} aria-sort={isCurrent ? (query.dir === "asc" ? "ascending" : "descending") : "none"}>
      <Link href={portfolioHref(query, { sort: sortKey, dir: nextDir, page: 1 })} className="inline-flex items-center gap-1 hover:underline">
        {label}
        <span aria-hidden="true">{isCurrent ? (query.dir === "asc" ? "▲" : "▼") : "↕"}</span>
        <span className="sr-only">{isCurrent ? `, sorted ${query.dir === "asc" ? "ascending" : "descending"}` : ", sort"}</span>
      </Link>
    </th>
  );
}

function GoNoGo({ release }: { release: ReleaseSummary }) {
  if (release.latestDecision) {
    return <DecisionBadge outcome={release.latestDecision.outcome} isOverride={release.latestDecision.overrideReason !== null} />;
  }
  return release.isReady ? <Badge tone="success" symbol="✓">Ready</Badge> : <Badge tone="neutral" symbol="○">Not ready</Badge>;
}

export function ReleaseTable({ releases, query, now }: Props) {
  if (releases.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-slate-300 p-8 text-center text-sm text-slate-600 dark:border-slate-700 dark:text-slate-400">
        No releases match.
      </p>
    );
  }
  return (
    <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <table className="w-full min-w-[60rem] text-left text-sm">
        <caption className="sr-only">Releases with status, progress, blocking items, readiness score, sign-offs, go/no-go state and target date</caption>
        <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500 dark:border-slate-800 dark:text-slate-400">
          <tr>
            <SortHeader label="Release" sortKey="name" query={query} className="w-64" />
            <SortHeader label="Status" sortKey="status" query={query} />
            <th scope="col" className={`${headerClasses} w-56`}>Progress</th>
            <th scope="col" className={headerClasses}>Score</th>
            <th scope="col" className={headerClasses}>Sign-offs</th>
            <th scope="col" className={headerClasses}>Go/no-go</th>
            <SortHeader label="Target date" sortKey="target" query={query} />
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
          {releases.map((release) => (
            <tr key={release.id} className="align-top">
              <td className="px-3 py-3">
                <Link href={`/releases/${release.id}`} className="font-medium text-sky-800 hover:underline dark:text-sky-300">
                  {release.name}
                </Link>
                <div className="text-xs text-slate-500 dark:text-slate-400">{release.versionName} · {release.owner.name}</div>
                {release.archivedAt ? <Badge tone="muted" className="mt-1">Archived</Badge> : null}
              </td>
              <td className="px-3 py-3">
                <ReleaseStatusBadge status={release.status} isOverride={release.latestDecision?.overrideReason != null} />
              </td>
              <td className="px-3 py-3">
                <ProgressSummary progress={release.progress} label={`Progress of ${release.name}`} compact />
              </td>
              <td className="whitespace-nowrap px-3 py-3 tabular-nums">
                {release.score.display === null ? (
                  <span className="text-slate-500 dark:text-slate-400">–<span className="sr-only">no score yet</span></span>
                ) : (
                  <span>
                    <strong>{release.score.display}</strong>
                    <span className="text-xs text-slate-500 dark:text-slate-400"> / {release.score.threshold}</span>
                    <span aria-hidden="true" className="ml-1">{release.score.meetsThreshold ? "✓" : ""}</span>
                    <span className="sr-only">{release.score.meetsThreshold ? ", meets the GO threshold" : ", below the GO threshold"}</span>
                  </span>
                )}
              </td>
              <td className="whitespace-nowrap px-3 py-3 tabular-nums">
                {release.signoffs.total === 0 ? <span className="text-slate-500 dark:text-slate-400">none required</span> : `${release.signoffs.approved} of ${release.signoffs.total}`}
              </td>
              <td className="px-3 py-3"><GoNoGo release={release} /></td>
              <td className="whitespace-nowrap px-3 py-3">
                {formatDay(release.targetDate)}
                <div className="text-xs text-slate-500 dark:text-slate-400">{describeDaysUntil(release.targetDate, now)}</div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
