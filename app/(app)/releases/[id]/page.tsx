import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ProgressSummary } from "@/components/checklist/progress-summary";
import { DecisionBanner } from "@/components/decisions/decision-banner";
import { CriteriaPanel } from "@/components/readiness/criteria-panel";
import { ScoreGaugeFigure, SignoffFigure, TrendFigures } from "@/components/readiness/readiness-charts";
import { ScoreCard } from "@/components/readiness/score-card";
import { PlanGlance } from "@/components/plans/plan-summary";
import { RiskHeatMap } from "@/components/plans/risk-heat-map";
import { getPlanSummary } from "@/lib/plans/queries";
import { ReleaseHeader } from "@/components/releases/release-header";
import { SignoffMatrix } from "@/components/signoffs/signoff-matrix";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { requireViewer } from "@/lib/auth";
import { getReleaseReadiness } from "@/lib/decisions/queries";
import { can } from "@/lib/permissions";
import { getReadinessHistory } from "@/lib/releases/history-queries";
import { getRelease } from "@/lib/releases/queries";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const release = await getRelease((await params).id);
  return { title: release ? `${release.name} ${release.versionName}` : "Release not found" };
}

/** The release at a glance: go/no-go state and criteria, the score, the sign-offs and each phase. */
export default async function ReleaseOverviewPage({ params }: Props) {
  const viewer = await requireViewer();
  const { id } = await params;
  const [release, status] = await Promise.all([getRelease(id), getReleaseReadiness(id)]);
  if (!release || !status) notFound();
  const { readiness, phaseProgress, latestDecision } = status;
  const [history, plan] = await Promise.all([getReadinessHistory(id, status.input, status.now), getPlanSummary(id)]);
  return (
    <div className="space-y-6">
      <ReleaseHeader release={release} progress={readiness.progress} current="overview" canEdit={can(viewer, "release:edit")} />
      <DecisionBanner decision={latestDecision} isReady={readiness.isReady} releaseId={id} />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Go/no-go criteria" id="criteria">
          <CriteriaPanel readiness={readiness} releaseId={id} />
          {can(viewer, "decision:record") && !release.archivedAt ? (
            <Link href={`/releases/${id}/decision`} className={`${buttonClasses("primary")} mt-4`}>Record a decision</Link>
          ) : null}
        </Card>
        <Card title="Readiness score" id="score">
          <div className="space-y-4">
            <ScoreGaugeFigure readiness={readiness} />
            <ScoreCard score={readiness.score} />
          </div>
        </Card>
      </div>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Risks" id="risks">
          {plan ? <RiskHeatMap grid={plan.heatMap} hrefFor={(cell) => `/releases/${id}/risks?likelihood=${cell.likelihood}&impact=${cell.impact}#risks`} /> : null}
        </Card>
        <Card title="The plan around the release" id="plan">
          {plan ? <PlanGlance summary={plan} releaseId={id} /> : null}
        </Card>
      </div>
      <Card title="Trends" id="trends">
        <TrendFigures points={history} threshold={readiness.score.threshold} />
      </Card>
      <Card title="Sign-offs" id="signoffs">
        <div className="grid gap-6 lg:grid-cols-2">
          <SignoffMatrix roles={readiness.roles} />
          <SignoffFigure readiness={readiness} />
        </div>
        <Link href={`/releases/${id}/signoffs`} className="mt-3 inline-block text-sm text-sky-800 underline dark:text-sky-300">
          Open the sign-offs
        </Link>
      </Card>
      <Card title="Progress by phase" id="phase-progress">
        {phaseProgress.length === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">
            No phases yet. <Link href={`/releases/${id}/checklist`} className="text-sky-800 underline dark:text-sky-300">Open the checklist</Link> to add them.
          </p>
        ) : (
          <ul className="grid gap-4 sm:grid-cols-2">
            {phaseProgress.map((phase) => (
              <li key={phase.id} className="min-w-0">
                <p className="mb-1 truncate text-sm font-medium">{phase.name}</p>
                <ProgressSummary progress={phase.progress} label={`${phase.name} progress`} compact />
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
