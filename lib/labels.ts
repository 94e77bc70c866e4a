import type { DecisionOutcome, ItemPriority, ItemStatus, ReleaseStatus, SignoffVerdict } from "@/lib/generated/prisma/enums";

export const itemStatusLabels: Record<ItemStatus, string> = {
  TODO: "To do",
  IN_PROGRESS: "In progress",
  DONE: "Done",
  BLOCKED: "Blocked",
  WAIVED: "Waived",
};

export const priorityLabels: Record<ItemPriority, string> = {
  BLOCKING: "Blocking",
  RECOMMENDED: "Recommended",
  OPTIONAL: "Optional",
};

export const releaseStatusLabels: Record<ReleaseStatus, string> = {
  PLANNING: "Planning",
  IN_PROGRESS: "In progress",
  GO: "Go",
  NO_GO: "No-go",
  RELEASED: "Released",
  ROLLED_BACK: "Rolled back",
  CANCELLED: "Cancelled",
};

export function toOptions<T extends string>(labels: Record<T, string>) {
  return (Object.entries(labels) as [T, string][]).map(([value, label]) => ({ value, label }));
}

export const verdictLabels: Record<SignoffVerdict, string> = {
  APPROVED: "Approved",
  CONDITIONAL: "Approved with conditions",
  REJECTED: "Rejected",
};

export const decisionLabels: Record<DecisionOutcome, string> = {
  GO: "GO",
  NO_GO: "NO-GO",
};

export const likelihoodLabels = { LOW: "Low", MEDIUM: "Medium", HIGH: "High" } as const;
export const impactLabels = { LOW: "Low", MEDIUM: "Medium", HIGH: "High", CRITICAL: "Critical" } as const;
export const riskStatusLabels = { OPEN: "Open", MITIGATED: "Mitigated", ACCEPTED: "Accepted", CLOSED: "Closed" } as const;
export const milestoneStatusLabels = { PLANNED: "Planned", IN_PROGRESS: "In progress", DONE: "Done", MISSED: "Missed" } as const;
export const severityLabels = {
  P0: "P0: system down, data loss, security breach",
  P1: "P1: critical feature broken, major degradation",
  P2: "P2: important feature degraded",
  P3: "P3: minor or cosmetic",
} as const;
export const criterionLevelLabels = { MUST: "Must have", SHOULD: "Should have", NICE: "Nice to have" } as const;
export const outcomeLabels = { SUCCESSFUL: "Successful", SUCCESSFUL_WITH_ISSUES: "Successful with issues", ROLLED_BACK: "Rolled back" } as const;
