import { isWaiverActive, progressFromTallies, tallyOf, type Progress } from "@/lib/checklist/rules";
import { isCriticalRisk, type RiskRating } from "@/lib/plans/rules";
import { scoreFromTallies, type ScoreBreakdown, type ScoreCategory, type ScoreItem, type ScoreTally } from "@/lib/releases/score";
import { evaluateRole, type RoleEvaluation, type RoleRequirement, type SignoffRecord } from "@/lib/signoffs/rules";

// The go/no-go criteria (F10), evaluated live from plain data. The overview, the stakeholder
// view, the decision snapshot and the API all call evaluateReadiness; nothing recomputes them.

export type ReadinessItem = ScoreItem & { id: string; title: string; waiverReason?: string | null };
export type ReadinessRisk = RiskRating & { id: string; title: string };

export type ReadinessInput = {
  threshold: number;
  blockingRevision: number;
  categories: readonly ScoreCategory[];
  /** The top-level items counted alike, at the time the criteria are evaluated; sub-items are ignored, as in progress. */
  tallies: readonly ScoreTally[];
  /** The top-level blocking items not done, by name: the criterion lists those still open or waived. */
  blocking: readonly ReadinessItem[];
  roles: readonly RoleRequirement[];
  signoffs: readonly SignoffRecord[];
  risks: readonly ReadinessRisk[];
};

/** The same release described by its items one by one: what tests and small callers hold. */
export type ReadinessItemsInput = Omit<ReadinessInput, "tallies" | "blocking"> & { items: readonly ReadinessItem[] };

/** Counts a list of items as the database does for a release (lib/checklist/tallies.ts). */
export function readinessInputFromItems({ items, ...input }: ReadinessItemsInput, now: Date): ReadinessInput {
  const topLevel = items.filter((item) => !item.parentId);
  return {
    ...input,
    tallies: topLevel.map((item) => ({ ...tallyOf(item, now), categoryId: item.categoryId })),
    blocking: topLevel.filter((item) => item.priority === "BLOCKING" && item.status !== "DONE"),
  };
}

export type CriterionKey = "blocking" | "signoffs" | "score" | "risks";

export type Criterion = {
  key: CriterionKey;
  label: string;
  isMet: boolean;
  /** One sentence on where it stands, shown beside the label. */
  summary: string;
};

export type ItemRef = { id: string; title: string };
export type WaivedRef = ItemRef & { reason: string; expiresAt: Date | null };

export type Readiness = {
  progress: Progress;
  score: ScoreBreakdown;
  roles: RoleEvaluation[];
  criteria: Criterion[];
  isReady: boolean;
  blockingOpen: ItemRef[];
  /** Blocking items that pass only because they are waived: always shown beside the criterion. */
  blockingWaived: WaivedRef[];
  criticalRisks: ItemRef[];
  /** Plain sentences: what is left to reach GO. Empty when every criterion is met. */
  leftToGo: string[];
};

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

function listTitles(refs: readonly ItemRef[], max = 3): string {
  const shown = refs.slice(0, max).map((ref) => `“${ref.title}”`);
  const more = refs.length - shown.length;
  return more > 0 ? `${shown.join(", ")} and ${more} more` : shown.join(", ");
}

function blockingCriterion(open: ItemRef[], waived: WaivedRef[]): Criterion {
  const waivedNote = waived.length > 0 ? ` (${plural(waived.length, "waived")})` : "";
  return {
    key: "blocking",
    label: "Blocking items done or waived",
    isMet: open.length === 0,
    summary: open.length === 0 ? `All blocking items closed${waivedNote}` : `${plural(open.length, "blocking item")} open${waivedNote}`,
  };
}

function signoffCriterion(roles: RoleEvaluation[]): Criterion {
  const approved = roles.filter((role) => role.state === "APPROVED").length;
  return {
    key: "signoffs",
    label: "Required sign-offs approved and current",
    isMet: approved === roles.length,
    summary: roles.length === 0 ? "No sign-offs are required" : `${approved} of ${plural(roles.length, "role")} approved`,
  };
}

function scoreCriterion(score: ScoreBreakdown): Criterion {
  return {
    key: "score",
    label: `Readiness score at or above ${score.threshold}`,
    isMet: score.meetsThreshold,
    summary: score.display === null ? "No scored items yet" : `Score ${score.display} of 100`,
  };
}

function riskCriterion(risks: readonly ReadinessRisk[], critical: ItemRef[]): Criterion {
  return {
    key: "risks",
    label: "No open critical risk",
    isMet: critical.length === 0,
    summary: risks.length === 0 ? "No risks recorded" : critical.length === 0 ? "No open critical risk" : `${plural(critical.length, "open critical risk")}`,
  };
}

function describeRoleGap(role: RoleEvaluation): string | null {
  if (role.state === "APPROVED") return null;
  const name = role.role.roleName;
  const vetoes = role.signers.filter((signer) => signer.isVeto);
  if (vetoes.length > 0) {
    const who = vetoes.map((signer) => `${signer.name} (${signer.standing === "overdue" ? "condition overdue" : "rejected"})`).join(", ");
    return `${name}: resolve the rejection by ${who}`;
  }
  const missing = role.required - role.approvals;
  if (role.role.assignees.length < role.required) {
    return `${name}: needs ${plural(role.required, "approval")} but only ${plural(role.role.assignees.length, "person is", "people are")} assigned`;
  }
  const stale = role.signers.filter((signer) => signer.standing === "stale" || signer.standing === "reset");
  const staleNote = stale.length > 0 ? `; ${stale.map((signer) => signer.name).join(", ")} must re-confirm` : "";
  return `${name}: ${plural(missing, "more approval")} needed (${role.approvals} of ${role.required})${staleNote}`;
}

export function evaluateReadiness(input: ReadinessInput, now: Date): Readiness {
  const progress = progressFromTallies(input.tallies);
  const score = scoreFromTallies(input.tallies, input.categories, input.threshold);
  const roles = input.roles.map((role) => evaluateRole(role, input.signoffs, input.blockingRevision, now));

  const blockingOpen = input.blocking
    .filter((item) => item.status !== "DONE" && !isWaiverActive(item, now))
    .map(({ id, title }) => ({ id, title }));
  const blockingWaived = input.blocking
    .filter((item) => isWaiverActive(item, now))
    .map(({ id, title, waiverReason, waiverExpiresAt }) => ({ id, title, reason: waiverReason ?? "", expiresAt: waiverExpiresAt ?? null }));
  const criticalRisks = input.risks.filter(isCriticalRisk).map(({ id, title }) => ({ id, title }));

  const criteria = [
    blockingCriterion(blockingOpen, blockingWaived),
    signoffCriterion(roles),
    scoreCriterion(score),
    riskCriterion(input.risks, criticalRisks),
  ];

  const leftToGo: string[] = [];
  if (blockingOpen.length > 0) leftToGo.push(`Close or waive ${plural(blockingOpen.length, "blocking item")}: ${listTitles(blockingOpen)}`);
  for (const role of roles) {
    const gap = describeRoleGap(role);
    if (gap) leftToGo.push(gap);
  }
  if (!score.meetsThreshold) {
    leftToGo.push(
      score.display === null
        ? `Give items a readiness category and complete them: the score must reach ${score.threshold}`
        : `Raise the readiness score from ${score.display} to ${score.threshold}`,
    );
  }
  if (criticalRisks.length > 0) leftToGo.push(`Mitigate, accept or close ${plural(criticalRisks.length, "critical risk")}: ${listTitles(criticalRisks)}`);

  return {
    progress,
    score,
    roles,
    criteria,
    isReady: criteria.every((criterion) => criterion.isMet),
    blockingOpen,
    blockingWaived,
    criticalRisks,
    leftToGo,
  };
}
