import { createHash } from "node:crypto";
import canonicalize from "canonicalize";
import type { DecisionOutcome } from "@/lib/generated/prisma/enums";
import type { Readiness } from "@/lib/decisions/rules";
import { standingLabels } from "@/lib/signoffs/rules";

// The immutable record of a go/no-go decision (F10): what was decided, by whom, and the
// criteria, score and sign-offs at that moment. The content hash is a SHA-256 of the record's
// canonical JSON (RFC 8785), so anyone holding the export can recompute and compare it.

export type SnapshotRelease = { id: string; name: string; versionName: string; targetDate: Date; status: string };

export type DecisionSnapshot = ReturnType<typeof buildSnapshot>;

const day = (date: Date) => date.toISOString().slice(0, 10);
const round2 = (value: number) => Math.round(value * 100) / 100;

/** Plain JSON (strings, numbers, booleans): what the database stores and the hash covers. */
export function buildSnapshot(release: SnapshotRelease, readiness: Readiness, evaluatedAt: Date) {
  return {
    format: 1,
    evaluatedAt: evaluatedAt.toISOString(),
    release: { id: release.id, name: release.name, version: release.versionName, targetDate: day(release.targetDate), status: release.status },
    isReady: readiness.isReady,
    criteria: readiness.criteria.map(({ key, label, isMet, summary }) => ({ key, label, isMet, summary })),
    leftToGo: readiness.leftToGo,
    progress: {
      done: readiness.progress.done,
      applicable: readiness.progress.applicable,
      percent: readiness.progress.percent,
      blockingOpen: readiness.progress.blockingOpen,
      overdue: readiness.progress.overdue,
    },
    score: {
      value: readiness.score.value === null ? null : round2(readiness.score.value),
      display: readiness.score.display,
      threshold: readiness.score.threshold,
      uncategorized: readiness.score.uncategorized,
      categories: readiness.score.categories.map((category) => ({
        name: category.name,
        weight: category.weight,
        done: category.done,
        applicable: category.applicable,
        points: round2(category.points),
      })),
    },
    blockingOpen: readiness.blockingOpen.map(({ id, title }) => ({ id, title })),
    blockingWaived: readiness.blockingWaived.map(({ id, title, reason, expiresAt }) => ({
      id,
      title,
      reason,
      expiresAt: expiresAt ? day(expiresAt) : null,
    })),
    criticalRisks: readiness.criticalRisks.map(({ id, title }) => ({ id, title })),
    signoffs: readiness.roles.map((role) => ({
      role: role.role.roleName,
      state: role.state,
      approvals: role.approvals,
      required: role.required,
      signers: role.signers.map((signer) => ({
        name: signer.name,
        standing: signer.standing,
        standingLabel: standingLabels[signer.standing],
        counted: signer.isCounted,
        signoffId: signer.current?.id ?? null,
        verdict: signer.current?.verdict ?? null,
        signedAt: signer.current?.createdAt.toISOString() ?? null,
      })),
    })),
  };
}

export type DecisionContent = {
  releaseId: string;
  outcome: DecisionOutcome;
  rationale: string;
  blockingReasons: string;
  remediationPlan: string;
  newTargetDate: Date | null;
  overrideReason: string | null;
  decidedBy: { id: string; name: string };
  decidedAt: Date;
  previousId: string | null;
  snapshot: unknown;
};

/** The exact JSON the hash covers; dates as ISO strings. */
export function canonicalContent(content: DecisionContent): string {
  const json = canonicalize({
    ...content,
    newTargetDate: content.newTargetDate ? day(content.newTargetDate) : null,
    decidedAt: content.decidedAt.toISOString(),
  });
  if (json === undefined) throw new Error("decision content cannot be serialised");
  return json;
}

export function hashDecision(content: DecisionContent): string {
  return createHash("sha256").update(canonicalContent(content), "utf8").digest("hex");
}

type StoredDecision = {
  releaseId: string;
  outcome: DecisionOutcome;
  rationale: string;
  blockingReasons: string;
  remediationPlan: string;
  newTargetDate: Date | null;
  overrideReason: string | null;
  decidedBy: { id: string; name: string };
  createdAt: Date;
  previousId: string | null;
  snapshot: unknown;
};

/** The hashed content of a stored decision, to recompute and compare its hash. */
export function toDecisionContent(row: StoredDecision): DecisionContent {
  return {
    releaseId: row.releaseId,
    outcome: row.outcome,
    rationale: row.rationale,
    blockingReasons: row.blockingReasons,
    remediationPlan: row.remediationPlan,
    newTargetDate: row.newTargetDate,
    overrideReason: row.overrideReason,
    decidedBy: { id: row.decidedBy.id, name: row.decidedBy.name },
    decidedAt: row.createdAt,
    previousId: row.previousId,
    snapshot: row.snapshot,
  };
}
