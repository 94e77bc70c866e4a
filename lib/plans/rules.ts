import type { RiskImpact, RiskLikelihood, RiskStatus } from "@/lib/generated/prisma/enums";

// Pure rules of the plan around the release (F12 to F15).

export type RiskRating = { likelihood: RiskLikelihood; impact: RiskImpact; status: RiskStatus };

/**
 * A "critical risk" fails the go/no-go criterion of F10: an open risk with Critical impact,
 * or with High likelihood and High impact. Mitigated, accepted and closed risks never are.
 */
export function isCriticalRisk(risk: RiskRating): boolean {
  if (risk.status !== "OPEN") return false;
  return risk.impact === "CRITICAL" || (risk.likelihood === "HIGH" && risk.impact === "HIGH");
}

const likelihoodRank = { LOW: 0, MEDIUM: 1, HIGH: 2 } as const;
const impactRank = { LOW: 0, MEDIUM: 1, HIGH: 2, CRITICAL: 3 } as const;

/** Most severe first: critical risks, then by impact, then by likelihood. */
export function compareRiskSeverity(a: RiskRating, b: RiskRating): number {
  return (
    Number(isCriticalRisk(b)) - Number(isCriticalRisk(a)) ||
    impactRank[b.impact] - impactRank[a.impact] ||
    likelihoodRank[b.likelihood] - likelihoodRank[a.likelihood]
  );
}

const likelihoods = ["HIGH", "MEDIUM", "LOW"] as const;
const impacts = ["LOW", "MEDIUM", "HIGH", "CRITICAL"] as const;

export type HeatCell = {
  likelihood: (typeof likelihoods)[number];
  impact: (typeof impacts)[number];
  riskIds: string[];
  isCritical: boolean;
};

/** The 3 x 4 likelihood-by-impact grid of open risks, most likely row first. */
export function riskHeatMap(risks: readonly (RiskRating & { id: string })[]): HeatCell[][] {
  return likelihoods.map((likelihood) =>
    impacts.map((impact) => ({
      likelihood,
      impact,
      riskIds: risks.filter((risk) => risk.status === "OPEN" && risk.likelihood === likelihood && risk.impact === impact).map((risk) => risk.id),
      isCritical: isCriticalRisk({ likelihood, impact, status: "OPEN" }),
    })),
  );
}

/** The steps' total against the target rollback time; `exceedsBy` is positive when too slow. */
export function rollbackTiming(steps: readonly { minutes: number }[], targetMinutes: number | null) {
  const totalMinutes = steps.reduce((sum, step) => sum + step.minutes, 0);
  return { totalMinutes, targetMinutes, exceedsBy: targetMinutes === null ? 0 : Math.max(0, totalMinutes - targetMinutes) };
}

export const REHEARSAL_VALID_DAYS = 30;

/** A rehearsal counts for 30 days. */
export function isRehearsalCurrent(lastRehearsedAt: Date | null, now: Date): boolean {
  return lastRehearsedAt !== null && now.getTime() - lastRehearsedAt.getTime() < REHEARSAL_VALID_DAYS * 86_400_000 && lastRehearsedAt.getTime() <= now.getTime();
}

const comparisonWords: Record<string, string> = { ">": ">", ">=": "≥", "<": "<", "<=": "≤", "=": "=" };

/** "error rate > 5% for 15 minutes". */
export function describeTrigger(trigger: { metric: string; comparison: string; threshold: number; unit: string; durationMinutes: number | null }): string {
  const unit = trigger.unit === "%" ? "%" : trigger.unit ? ` ${trigger.unit}` : "";
  const duration = trigger.durationMinutes ? ` for ${trigger.durationMinutes} minute${trigger.durationMinutes === 1 ? "" : "s"}` : "";
  return `${trigger.metric} ${comparisonWords[trigger.comparison] ?? trigger.comparison} ${trigger.threshold}${unit}${duration}`;
}

export type WatchWindow =
  | { state: "not-released" }
  | { state: "watching"; endsAt: Date; daysLeft: number }
  | { state: "over"; endsAt: Date };

/** The watch window runs for `watchDays` from the moment the release was marked Released. */
export function watchWindow(releasedAt: Date | null, watchDays: number, now: Date): WatchWindow {
  if (!releasedAt) return { state: "not-released" };
  const endsAt = new Date(releasedAt.getTime() + watchDays * 86_400_000);
  if (now.getTime() >= endsAt.getTime()) return { state: "over", endsAt };
  return { state: "watching", endsAt, daysLeft: Math.ceil((endsAt.getTime() - now.getTime()) / 86_400_000) };
}
