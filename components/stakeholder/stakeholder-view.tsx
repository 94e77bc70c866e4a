import { ProgressSummary } from "@/components/checklist/progress-summary";
import { ReleaseStatusBadge } from "@/components/checklist/badges";
import { DecisionBanner } from "@/components/decisions/decision-banner";
import { CriteriaPanel } from "@/components/readiness/criteria-panel";
import { ScoreCard } from "@/components/readiness/score-card";
import { SignoffMatrix } from "@/components/signoffs/signoff-matrix";
import { PlanGlance, TopRisks } from "@/components/plans/plan-summary";
import { RiskHeatMap } from "@/components/plans/risk-heat-map";
import { Card } from "@/components/ui/card";
import { LocalTime } from "@/components/ui/local-time";
import { describeDaysUntil, formatDay } from "@/lib/format";
import type { StakeholderView as View } from "@/lib/share/queries";

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
  const { release, readiness, phaseProgress, latestDecision, plan, now } = view;
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
        <Card title={`Top risks (${plan.openRiskCount} open)`} id="stakeholder-risks">
          <TopRisks summary={plan} />
        </Card>
        <Card title="Risk heat map" id="stakeholder-heat-map">
          <RiskHeatMap grid={plan.heatMap} />
        </Card>
      </div>
      <Card title="The plan around the release" id="stakeholder-plan">
        <PlanGlance summary={plan} />
      </Card>
      <p className="text-xs text-slate-500 dark:text-slate-400">As of <LocalTime date={now} />.</p>
    </div>
  );
}
