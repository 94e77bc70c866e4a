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
