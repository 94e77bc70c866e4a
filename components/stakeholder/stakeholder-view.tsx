import { ProgressSummary } from "@/components/checklist/progress-summary";
import { ReleaseStatusBadge } from "@/components/checklist/badges";
import { DecisionBanner } from "@/components/decisions/decision-banner";
import { CriteriaPanel } from "@/components/readiness/criteria-panel";
import { ScoreCard } from "@/components/readiness/score-card";
import { SignoffMatrix } from "@/components/signoffs/signoff-matrix";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { LocalTime } from "@/components/ui/local-time";
import { describeDaysUntil, formatDay } from "@/lib/format";
import type { StakeholderView as View } from "@/lib/share/queries";

const levelLabels = { LOW: "Low", MEDIUM: "Medium", HIGH: "High", CRITICAL: "Critical" } as const;

/**
 * The read-only status of a release for stakeholders (F11), shared by the signed-in page and
 * the share link. Server-rendered, with no controls and no e-mail addresses.
 */
type Props = {
  view: View;
  headingLevel?: "h1" | "h2";
  /** "print" when the page already shows the release's header on screen. */
  titleShown?: "always" | "print";
};

export function StakeholderView({ view, headingLevel = "h1", titleShown = "always" }: Props) {
  const { release, readiness, phaseProgress, latestDecision, topRisks, openRiskCount, nextMilestone, now } = view;
  const Title = headingLevel;
  return (
    <div className="space-y-6 print:space-y-4">
      <header className={titleShown === "print" ? "hidden space-y-2 print:block" : "space-y-2"}>
        <Title className="text-2xl font-semibold tracking-tight">
          {release.name} <span className="text-slate-500 dark:text-slate-400">{release.versionName}</span>
        </Title>
        <p className="flex flex-wrap items-center gap-2 text-sm">
          <ReleaseStatusBadge status={release.status} isOverride={latestDecision?.overrideReason != null} />
          <span>Target <strong>{formatDay(release.targetDate)}</strong> ({describeDaysUntil(release.targetDate, now)})</span>
          <span className="text-slate-500 dark:text-slate-400">· Owner {release.owner.name}</span>
        </p>
        {release.description ? <p className="max-w-3xl whitespace-pre-line text-sm text-slate-700 dark:text-slate-300">{release.description}</p> : null}
      </header>
      <DecisionBanner decision={latestDecision} isReady={readiness.isReady} />
      <div className="grid gap-6 lg:grid-cols-2 print:grid-cols-2">
        <Card title="Go/no-go criteria" id="stakeholder-criteria"><CriteriaPanel readiness={readiness} /></Card>
        <Card title="Readiness score" id="stakeholder-score"><ScoreCard score={readiness.score} /></Card>
      </div>
      <Card title="Progress" id="stakeholder-progress">
        <div className="mb-4"><ProgressSummary progress={readiness.progress} label="Overall progress" /></div>
        <ul className="grid gap-4 sm:grid-cols-2">
          {phaseProgress.map((phase) => (
            <li key={phase.id} className="min-w-0">
              <p className="mb-1 truncate text-sm font-medium">{phase.name}</p>
              <ProgressSummary progress={phase.progress} label={`${phase.name} progress`} compact />
            </li>
          ))}
        </ul>
      </Card>
      <Card title="Sign-offs" id="stakeholder-signoffs"><SignoffMatrix roles={readiness.roles} /></Card>
      <div className="grid gap-6 lg:grid-cols-2 print:grid-cols-2">
        <Card title={`Top risks (${openRiskCount} open)`} id="stakeholder-risks">
          {topRisks.length === 0 ? (
            <p className="text-sm text-slate-600 dark:text-slate-400">No open risks.</p>
          ) : (
            <ul className="space-y-3">
              {topRisks.map((risk) => (
                <li key={risk.id} className="text-sm">
                  <p className="flex flex-wrap items-center gap-2 font-medium">
                    {risk.title}
                    {risk.isCritical ? <Badge tone="danger" symbol="!">Critical</Badge> : null}
                  </p>
                  <p className="text-xs text-slate-600 dark:text-slate-400">
                    Likelihood {levelLabels[risk.likelihood]} · impact {levelLabels[risk.impact]}
                    {risk.mitigation ? ` · mitigation: ${risk.mitigation}` : ""}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title="Next milestone" id="stakeholder-milestone">
          {nextMilestone ? (
            <p className="text-sm">
              <strong>{nextMilestone.title}</strong> · {formatDay(nextMilestone.dueAt)} ({describeDaysUntil(nextMilestone.dueAt, now)})
            </p>
          ) : (
            <p className="text-sm text-slate-600 dark:text-slate-400">No upcoming milestone.</p>
          )}
        </Card>
      </div>
      <p className="text-xs text-slate-500 dark:text-slate-400">As of <LocalTime date={now} />.</p>
    </div>
  );
}
