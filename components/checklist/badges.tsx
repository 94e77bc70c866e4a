import { Badge, type Tone } from "@/components/ui/badge";
import type { ItemPriority, ItemStatus, ReleaseStatus } from "@/lib/generated/prisma/enums";
import { itemStatusLabels, priorityLabels, releaseStatusLabels } from "@/lib/labels";

const statusLook: Record<ItemStatus, { tone: Tone; symbol: string }> = {
  TODO: { tone: "neutral", symbol: "○" },
  IN_PROGRESS: { tone: "info", symbol: "◐" },
  DONE: { tone: "success", symbol: "✓" },
  BLOCKED: { tone: "danger", symbol: "✕" },
  WAIVED: { tone: "muted", symbol: "–" },
};

export function ItemStatusBadge({ status }: { status: ItemStatus }) {
  return <Badge {...statusLook[status]}>{itemStatusLabels[status]}</Badge>;
}

const priorityLook: Record<ItemPriority, { tone: Tone; symbol: string }> = {
  BLOCKING: { tone: "danger", symbol: "■" },
  RECOMMENDED: { tone: "warning", symbol: "▲" },
  OPTIONAL: { tone: "muted", symbol: "●" },
};

export function PriorityBadge({ priority }: { priority: ItemPriority }) {
  return <Badge {...priorityLook[priority]}>{priorityLabels[priority]}</Badge>;
}

const releaseLook: Record<ReleaseStatus, { tone: Tone; symbol: string }> = {
  PLANNING: { tone: "neutral", symbol: "○" },
  IN_PROGRESS: { tone: "info", symbol: "◐" },
  GO: { tone: "success", symbol: "✓" },
  NO_GO: { tone: "danger", symbol: "✕" },
  RELEASED: { tone: "success", symbol: "★" },
  ROLLED_BACK: { tone: "warning", symbol: "↺" },
  CANCELLED: { tone: "muted", symbol: "–" },
};

/** A release's status; a GO reached by overriding failing criteria says so. */
export function ReleaseStatusBadge({ status, isOverride = false }: { status: ReleaseStatus; isOverride?: boolean }) {
  if (status === "GO" && isOverride) return <Badge tone="warning" symbol="⚠">Go (override)</Badge>;
  return <Badge {...releaseLook[status]}>{releaseStatusLabels[status]}</Badge>;
}
