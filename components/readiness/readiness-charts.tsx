import { ChartFrame } from "@/components/charts/chart-frame";
import { BurndownChart, ScoreTrendChart, SignoffChart } from "@/components/charts/lazy-charts";
import { ScoreGauge } from "@/components/charts/score-gauge";
import type { Readiness } from "@/lib/decisions/rules";
import { describeTrend, type DayPoint } from "@/lib/releases/history-rules";
import { describeScore } from "@/lib/releases/score";

const notCounting = new Set(["stale", "reset", "rejected", "overdue"]);

/** The score as a gauge, with its threshold. */
export function ScoreGaugeFigure({ readiness }: { readiness: Readiness }) {
  const { score } = readiness;
  return (
    <ChartFrame
      title="Readiness gauge"
      id="gauge-chart"
      summary={`${describeScore(score)}: ${score.meetsThreshold ? "meets the threshold" : "below the threshold"}.`}
      isEmpty={score.display === null}
      emptyText="No score yet: give items a readiness category."
      height="h-36"
      table={{
        caption: "Readiness score and threshold",
        columns: ["Measure", "Value"],
        rows: [["Score", score.display ?? "none"], ["GO threshold", score.threshold]],
      }}
    >
      <ScoreGauge score={score.display ?? 0} threshold={score.threshold} label="Readiness gauge" />
    </ChartFrame>
  );
}

/** Open and done items over time, and the score over time, rebuilt from the history. */
export function TrendFigures({ points, threshold }: { points: DayPoint[]; threshold: number }) {
  const hasItems = points.some((point) => point.open + point.done > 0);
  const rows = points.map((point) => [point.day, point.open, point.done, point.score ?? "none"]);
  const table = { caption: "Open items, done items and readiness score per day", columns: ["Day", "Open", "Done", "Score"], rows };
  const summary = describeTrend(points);
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <ChartFrame title="Burndown and burn-up" id="burndown-chart" summary={summary} table={table} isEmpty={!hasItems} emptyText="No items yet.">
        <BurndownChart points={points} label="Open and done items per day" />
      </ChartFrame>
      <ChartFrame
        title="Score trend"
        id="score-trend-chart"
        summary={summary}
        table={table}
        isEmpty={points.every((point) => point.score === null)}
        emptyText="No score yet: give items a readiness category."
      >
        <ScoreTrendChart points={points} threshold={threshold} label="Readiness score per day" />
      </ChartFrame>
    </div>
  );
}

/** Per role: approvals that count, sign-offs that stopped counting, approvals still needed. */
export function SignoffFigure({ readiness }: { readiness: Readiness }) {
  const roles = readiness.roles.map((role) => ({
    roleName: role.role.roleName,
    approved: role.approvals,
    notCounting: role.signers.filter((signer) => notCounting.has(signer.standing)).length,
    missing: Math.max(0, role.required - role.approvals),
  }));
  const approved = readiness.roles.filter((role) => role.state === "APPROVED").length;
  return (
    <ChartFrame
      title="Sign-off status by role"
      id="signoff-chart"
      summary={`${approved} of ${roles.length} required ${roles.length === 1 ? "role has" : "roles have"} approved.`}
      isEmpty={roles.length === 0}
      emptyText="No sign-offs are required."
      table={{
        caption: "Approvals per role",
        columns: ["Role", "Approved", "Not counting", "Still needed"],
        rows: roles.map((role) => [role.roleName, role.approved, role.notCounting, role.missing]),
      }}
    >
      <SignoffChart roles={roles} label="Sign-off status by role" />
    </ChartFrame>
  );
}
