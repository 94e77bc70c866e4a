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
