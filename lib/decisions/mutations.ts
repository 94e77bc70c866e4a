import "server-only";
import { emitWebhookEvent } from "@/lib/webhooks/emit";
import { db, type DbClient, type Tx } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { StaleVersionError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { parseInput, ValidationError } from "@/lib/form";
import { requirePermission, type Viewer } from "@/lib/permissions";
import { isUniqueViolation } from "@/lib/db-errors";
import { formatDay } from "@/lib/format";
import { loadReadinessInput } from "@/lib/decisions/queries";
import { buildSnapshot, hashDecision, type DecisionContent } from "@/lib/decisions/record";
import { evaluateReadiness } from "@/lib/decisions/rules";
import { recordDecisionSchema, type RecordDecisionInput } from "@/lib/decisions/schemas";
import { lockOpenRelease } from "@/lib/signoffs/guards";
import { notifyDecisionRecorded } from "@/lib/notifications/events";

// Recording a go/no-go decision (F10). The release row is locked FOR UPDATE, the criteria are
// evaluated inside the transaction, and the decision must follow the latest one the form was
// shown: of two release managers deciding at once, exactly one is recorded.

const startOfToday = () => new Date(new Date().toISOString().slice(0, 10));

type Recorded = { id: string; releaseId: string; isOverride: boolean; isRepeat: boolean };

/** The decision this very form already recorded (a double submit), if any. */
async function findRepeat(client: DbClient, viewer: Viewer, idempotencyKey: string): Promise<Recorded | null> {
  const existing = await client.decision.findUnique({
    where: { idempotencyKey },
    select: { id: true, releaseId: true, decidedById: true, overrideReason: true },
  });
  if (!existing) return null;
  if (existing.decidedById !== viewer.id) throw new ValidationError({ form: ["This form was already used; reload the page."] });
  return { id: existing.id, releaseId: existing.releaseId, isOverride: existing.overrideReason !== null, isRepeat: true };
}

async function insertDecision(tx: Tx, viewer: Viewer, input: RecordDecisionInput): Promise<Recorded> {
  const release = await lockOpenRelease(tx, input.releaseId, "update");
  const repeat = await findRepeat(tx, viewer, input.idempotencyKey);
  if (repeat) return repeat;
  const latest = await tx.decision.findFirst({
    where: { releaseId: release.id },
    orderBy: { createdAt: "desc" },
    select: { id: true, outcome: true, createdAt: true, decidedBy: { select: { name: true } } },
  });
  if ((latest?.id ?? null) !== input.previousDecisionId) {
    const what = latest ? `${latest.decidedBy.name} recorded ${latest.outcome === "GO" ? "GO" : "NO-GO"} at ${latest.createdAt.toISOString().slice(11, 16)} UTC` : "The earlier decision changed";
    throw new StaleVersionError({}, `${what} while you were deciding. Nothing was saved; review that decision first.`);
  }
  if (input.newTargetDate && input.newTargetDate <= startOfToday()) {
    throw new ValidationError({ newTargetDate: ["The new target date must be after today."] });
  }
  const decidedAt = new Date();
  const loaded = await loadReadinessInput(tx, release.id, decidedAt);
  const readiness = evaluateReadiness(loaded!.input, decidedAt);
  const isOverride = input.outcome === "GO" && !readiness.isReady;
  if (isOverride && !input.overrideReason) {
    const failing = readiness.criteria.filter((criterion) => !criterion.isMet).map((criterion) => criterion.label.toLowerCase());
    throw new ValidationError({
      overrideReason: [`These criteria are not met: ${failing.join("; ")}. A GO now is an override: give the reason.`],
    });
  }
  const content: DecisionContent = {
    releaseId: release.id,
    outcome: input.outcome,
    rationale: input.rationale,
    blockingReasons: input.blockingReasons,
    remediationPlan: input.remediationPlan,
    newTargetDate: input.newTargetDate,
    overrideReason: isOverride ? input.overrideReason : null,
    decidedBy: { id: viewer.id, name: viewer.name },
    decidedAt,
    previousId: latest?.id ?? null,
    snapshot: buildSnapshot(release, readiness, decidedAt),
  };
  const decision = await tx.decision.create({
    data: {
      releaseId: release.id,
      outcome: content.outcome,
      rationale: content.rationale,
      blockingReasons: content.blockingReasons,
      remediationPlan: content.remediationPlan,
      newTargetDate: content.newTargetDate,
      overrideReason: content.overrideReason,
      snapshot: content.snapshot as Prisma.InputJsonValue,
      contentHash: hashDecision(content),
      decidedById: viewer.id,
      previousId: content.previousId,
      idempotencyKey: input.idempotencyKey,
      createdAt: decidedAt,
    },
    select: { id: true, contentHash: true },
  });
  const newTarget = input.outcome === "NO_GO" ? input.newTargetDate : null;
  await tx.release.update({
    where: { id: release.id },
    data: { status: input.outcome, ...(newTarget ? { targetDate: newTarget } : {}), version: { increment: 1 } },
  });
  if (newTarget) {
    await tx.targetDateChange.create({
      data: {
        releaseId: release.id,
        fromDate: release.targetDate,
        toDate: newTarget,
        reason: `NO-GO on ${formatDay(decidedAt)}: ${input.blockingReasons}`.slice(0, 1000),
        changedById: viewer.id,
      },
    });
  }
  await recordAudit(tx, {
    actorId: viewer.id,
    releaseId: release.id,
    action: "decision.recorded",
    entityType: "decision",
    entityId: decision.id,
    before: { status: release.status, targetDate: release.targetDate },
    after: {
      outcome: input.outcome,
      isOverride,
      status: input.outcome,
      ...(newTarget ? { targetDate: newTarget } : {}),
      contentHash: decision.contentHash,
    },
  });
  await notifyDecisionRecorded(tx, release, { id: decision.id, outcome: input.outcome, isOverride }, viewer.id);
  await emitWebhookEvent(tx, {
    type: "decision.recorded",
    releaseId: release.id,
    data: { decisionId: decision.id, outcome: input.outcome, isOverride, decidedBy: viewer.name, rationale: input.rationale, contentHash: decision.contentHash },
  });
  if (release.status !== input.outcome) {
    await emitWebhookEvent(tx, { type: "release.status_changed", releaseId: release.id, data: { from: release.status, to: input.outcome, cause: "decision" } });
  }
  return { id: decision.id, releaseId: release.id, isOverride, isRepeat: false };
}

export async function recordDecision(viewer: Viewer, raw: unknown) {
  requirePermission(viewer, "decision:record");
  const input = parseInput(recordDecisionSchema, raw);
  try {
    return await db.$transaction((tx) => insertDecision(tx, viewer, input));
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const repeat = await findRepeat(db, viewer, input.idempotencyKey);
    if (repeat) return repeat;
    throw new StaleVersionError({}, "Another decision was recorded for this release at the same moment. Nothing was saved; review it first.");
  }
}
