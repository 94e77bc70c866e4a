import Link from "next/link";
import { ProgressSummary } from "@/components/checklist/progress-summary";
import { ReleaseStatusBadge } from "@/components/checklist/badges";
import { Badge } from "@/components/ui/badge";
import type { Progress } from "@/lib/checklist/rules";
import { describeDaysUntil, formatDay } from "@/lib/format";
import type { ReleaseDetail } from "@/lib/releases/queries";

type Tab = "overview" | "checklist" | "signoffs" | "decision" | "risks" | "rollback" | "timeline" | "after" | "status" | "history" | "edit";

type Props = { release: ReleaseDetail; progress: Progress; current: Tab; canEdit: boolean };

export function ReleaseHeader({ release, progress, current, canEdit }: Props) {
  const tabs: { key: Tab; label: string; href: string }[] = [
    { key: "overview", label: "Overview", href: `/releases/${release.id}` },
    { key: "checklist", label: "Checklist", href: `/releases/${release.id}/checklist` },
    { key: "signoffs", label: "Sign-offs", href: `/releases/${release.id}/signoffs` },
    { key: "decision", label: "Go/no-go", href: `/releases/${release.id}/decision` },
    { key: "risks", label: "Risks", href: `/releases/${release.id}/risks` },
    { key: "rollback", label: "Rollback", href: `/releases/${release.id}/rollback` },
    { key: "timeline", label: "Timeline", href: `/releases/${release.id}/timeline` },
    { key: "after", label: "After release", href: `/releases/${release.id}/after` },
    { key: "status", label: "Stakeholder view", href: `/releases/${release.id}/status` },
    { key: "history", label: "History", href: `/releases/${release.id}/history` },
    ...(canEdit ? [{ key: "edit" as const, label: "Settings", href: `/releases/${release.id}/edit` }] : []),
  ];
  return (
    <header className="space-y-4">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <p className="text-sm text-slate-500 dark:text-slate-400">
            <Link href="/" className="hover:underline">Releases</Link> /
          </p>
          <h1 className="text-2xl font-semibold tracking-tight">
            {release.name} <span className="text-slate-500 dark:text-slate-400">{release.versionName}</span>
          </h1>
          <div className="mt-2 flex flex-wrap items-center gap-2 text-sm">
            <ReleaseStatusBadge status={release.status} isOverride={release.decisions[0]?.overrideReason != null} />
            {release.archivedAt ? <Badge tone="muted">Archived</Badge> : null}
            <span>
              Target <strong>{formatDay(release.targetDate)}</strong> ({describeDaysUntil(release.targetDate, new Date())})
            </span>
            <span className="text-slate-500 dark:text-slate-400">· Owner {release.owner.name}</span>
            <a href={`/releases/${release.id}/export.md`} download className="text-sky-700 underline print:hidden dark:text-sky-400">
              Export as Markdown
            </a>
          </div>
        </div>
        <div className="w-full max-w-xs">
          <ProgressSummary progress={progress} label="Overall progress" />
        </div>
      </div>
      {release.description ? <p className="max-w-3xl whitespace-pre-line text-sm text-slate-700 dark:text-slate-300">{release.description}</p> : null}
      <nav aria-label="Release sections" className="relative -mx-4 flex gap-1 overflow-x-auto border-b border-slate-200 px-4 dark:border-slate-800 sm:mx-0 sm:px-0">
        {tabs.map((tab) => (
          <Link
            key={tab.key}
            href={tab.href}
            aria-current={tab.key === current ? "page" : undefined}
            className="-mb-px shrink-0 whitespace-nowrap border-b-2 border-transparent px-3 py-2 text-sm font-medium text-slate-600 hover:text-slate-900 aria-[current=page]:border-sky-700 aria-[current=page]:text-sky-800 dark:text-slate-300 dark:aria-[current=page]:text-sky-300"
          >
            {tab.label}
          </Link>
        ))}
      </nav>
    </header>
  );
}
