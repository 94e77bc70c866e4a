import { Badge, type Tone } from "@/components/ui/badge";
import type { DecisionOutcome } from "@/lib/generated/prisma/enums";
import { roleStateLabels, standingLabels, type RoleState, type Standing } from "@/lib/signoffs/rules";

/** GO, NO-GO, or GO (override): an override is marked wherever a decision appears. */
export function DecisionBadge({ outcome, isOverride }: { outcome: DecisionOutcome; isOverride: boolean }) {
  if (outcome === "NO_GO") return <Badge tone="danger" symbol="✕">NO-GO</Badge>;
  return isOverride ? <Badge tone="warning" symbol="⚠">GO (override)</Badge> : <Badge tone="success" symbol="✓">GO</Badge>;
}

const roleLook: Record<RoleState, { tone: Tone; symbol: string }> = {
  APPROVED: { tone: "success", symbol: "✓" },
  PENDING: { tone: "neutral", symbol: "○" },
  REJECTED: { tone: "danger", symbol: "✕" },
};

export function RoleStateBadge({ state }: { state: RoleState }) {
  return <Badge {...roleLook[state]}>{roleStateLabels[state]}</Badge>;
}

const standingLook: Record<Standing, { tone: Tone; symbol: string; short: string }> = {
  none: { tone: "muted", symbol: "○", short: "Not signed" },
  approved: { tone: "success", symbol: "✓", short: "Approved" },
  conditional: { tone: "success", symbol: "✓", short: "Approved with conditions" },
  rejected: { tone: "danger", symbol: "✕", short: "Rejected" },
  overdue: { tone: "danger", symbol: "!", short: "Condition overdue" },
  stale: { tone: "warning", symbol: "↻", short: "Stale" },
  reset: { tone: "warning", symbol: "↺", short: "Reset" },
};

export function StandingBadge({ standing }: { standing: Standing }) {
  const look = standingLook[standing];
  return (
    <Badge tone={look.tone} symbol={look.symbol}>
      <span title={standingLabels[standing]}>{look.short}</span>
    </Badge>
  );
}

/** Met or not met, with a symbol and words, never colour alone. */
export function CriterionMark({ isMet }: { isMet: boolean }) {
  return isMet ? (
    <span className="inline-flex size-5 shrink-0 items-center justify-center rounded-full bg-emerald-100 text-xs font-bold text-emerald-800 dark:bg-emerald-900 dark:text-emerald-100">
      <span aria-hidden="true">✓</span>
      <span className="sr-only">Met:</span>
    </span>
  ) : (
    <span className="inline-flex size-5 shrink-0 items-center justify-center rounded-full bg-red-100 text-xs font-bold text-red-800 dark:bg-red-900 dark:text-red-100">
      <span aria-hidden="true">✕</span>
      <span className="sr-only">Not met:</span>
    </span>
  );
}
