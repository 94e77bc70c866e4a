import "server-only";
import { db, type Tx } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { StaleVersionError } from "@/lib/errors";
import { parseInput, ValidationError } from "@/lib/form";
import { requirePermission, type Viewer } from "@/lib/permissions";
import { requireOpenRelease } from "@/lib/checklist/guards";
import { noteItemChange } from "@/lib/signoffs/staleness";
import { isRehearsalCurrent } from "@/lib/plans/rules";
import { saveRollbackPlanSchema, trackRehearsalSchema } from "@/lib/plans/schemas";

// The rollback plan (F13), edited as one form: its fields, triggers and steps are saved together
// under the plan's version. Its rehearsal can be tracked as a blocking checklist item whose
// status follows the plan (decision record 0005).

export const REHEARSAL_ITEM_TITLE = "Rollback rehearsed within the last 30 days";
export const REHEARSAL_MANAGER = "rollback-plan";

/**
 * Sets the rehearsal item to Done while the last rehearsal is under 30 days old, and back to
 * To do after; audited as a change by the plan. Returns whether the item changed.
 */
export async function syncRehearsalItem(tx: Tx, plan: { rehearsalItemId: string | null; lastRehearsedAt: Date | null }, now: Date, actorId: string | null) {
  if (!plan.rehearsalItemId) return false;
  const item = await tx.item.findUnique({
    where: { id: plan.rehearsalItemId },
    select: { id: true, releaseId: true, title: true, status: true, priority: true, version: true },
  });
  if (!item) return false;
  const status = isRehearsalCurrent(plan.lastRehearsedAt, now) ? "DONE" : "TODO";
  if (item.status === status) return false;
  await tx.item.update({
    where: { id: item.id },
    data: { status, completedAt: status === "DONE" ? now : null, waiverReason: null, waiverExpiresAt: null, version: { increment: 1 } },
  });
  await recordAudit(tx, {
    actorId,
    releaseId: item.releaseId,
    action: "item.status_changed",
    entityType: "item",
    entityId: item.id,
    before: { status: item.status },
    after: { status, source: "rollback plan", lastRehearsedAt: plan.lastRehearsedAt },
  });
  await noteItemChange(tx, item, item, { priority: item.priority, status }, actorId);
  return true;
}

export async function saveRollbackPlan(viewer: Viewer, raw: unknown) {
  requirePermission(viewer, "plan:edit");
  const { releaseId, version, triggers, steps, ...fields } = parseInput(saveRollbackPlanSchema, raw);
  if (fields.lastRehearsedAt && fields.lastRehearsedAt.getTime() > Date.now()) {
    throw new ValidationError({ lastRehearsedAt: ["The last rehearsal cannot be in the future."] });
  }
  return db.$transaction(async (tx) => {
    await requireOpenRelease(tx, releaseId);
    const before = await tx.rollbackPlan.findUnique({
      where: { releaseId },
      select: { id: true, version: true, targetMinutes: true, decider: true, latestDecisionMinutes: true, lastRehearsedAt: true, rehearsalItemId: true },
    });
    if ((before?.version ?? 0) !== version) throw new StaleVersionError(before ?? {});
    const plan = before
      ? await tx.rollbackPlan.update({ where: { id: before.id }, data: { ...fields, version: { increment: 1 } }, select: { id: true, rehearsalItemId: true, lastRehearsedAt: true } })
      : await tx.rollbackPlan.create({ data: { releaseId, ...fields }, select: { id: true, rehearsalItemId: true, lastRehearsedAt: true } });
    await tx.rollbackTrigger.deleteMany({ where: { planId: plan.id } });
    await tx.rollbackStep.deleteMany({ where: { planId: plan.id } });
    await tx.rollbackTrigger.createMany({ data: triggers.map((trigger, position) => ({ ...trigger, planId: plan.id, position })) });
    await tx.rollbackStep.createMany({ data: steps.map((step, position) => ({ ...step, planId: plan.id, position })) });
    await recordAudit(tx, {
      actorId: viewer.id,
      releaseId,
      action: before ? "rollback_plan.updated" : "rollback_plan.created",
      entityType: "rollback_plan",
      entityId: plan.id,
      before: before ? { targetMinutes: before.targetMinutes, decider: before.decider, latestDecisionMinutes: before.latestDecisionMinutes, lastRehearsedAt: before.lastRehearsedAt } : undefined,
      after: { ...fields, triggers, steps },
    });
    await syncRehearsalItem(tx, plan, new Date(), viewer.id);
    return { releaseId };
  });
}

/** Adds the blocking item "Rollback rehearsed within the last 30 days", kept in step with the plan. */
export async function trackRehearsalAsItem(viewer: Viewer, raw: unknown) {
  requirePermission(viewer, "plan:edit");
  requirePermission(viewer, "checklist:edit");
  const { releaseId } = parseInput(trackRehearsalSchema, raw);
  return db.$transaction(async (tx) => {
    await requireOpenRelease(tx, releaseId);
    const plan = await tx.rollbackPlan.findUnique({ where: { releaseId }, select: { id: true, rehearsalItemId: true, lastRehearsedAt: true } });
    if (!plan) throw new ValidationError({ form: ["Save the rollback plan first."] });
    if (plan.rehearsalItemId) return { releaseId, itemId: plan.rehearsalItemId };
    const phase =
      (await tx.phase.findFirst({ where: { releaseId }, orderBy: [{ position: "asc" }, { createdAt: "asc" }], select: { id: true } })) ??
      (await tx.phase.create({ data: { releaseId, name: "Rollback readiness", position: 0 }, select: { id: true } }));
    const last = await tx.item.aggregate({ where: { phaseId: phase.id, parentId: null }, _max: { position: true } });
    const operations = await tx.readinessCategory.findFirst({ where: { releaseId, name: "Operations" }, select: { id: true } });
    const item = await tx.item.create({
      data: {
        releaseId,
        phaseId: phase.id,
        title: REHEARSAL_ITEM_TITLE,
        details: "Updates itself from the rollback plan's last rehearsal date.",
        priority: "BLOCKING",
        categoryId: operations?.id,
        managedBy: REHEARSAL_MANAGER,
        position: (last._max.position ?? -1) + 1,
        lastChangedById: viewer.id,
      },
      select: { id: true, releaseId: true, title: true, status: true, priority: true },
    });
    await tx.rollbackPlan.update({ where: { id: plan.id }, data: { rehearsalItemId: item.id, version: { increment: 1 } } });
    await recordAudit(tx, { actorId: viewer.id, releaseId, action: "item.created", entityType: "item", entityId: item.id, after: { ...item, parentId: null, managedBy: REHEARSAL_MANAGER } });
    await noteItemChange(tx, item, null, item, viewer.id);
    await syncRehearsalItem(tx, { rehearsalItemId: item.id, lastRehearsedAt: plan.lastRehearsedAt }, new Date(), viewer.id);
    return { releaseId, itemId: item.id };
  });
}

/** Run by the worker: rehearsal items whose rehearsal has aged past 30 days go back to To do. */
export async function sweepRehearsalItems(now: Date) {
  const plans = await db.rollbackPlan.findMany({
    where: { rehearsalItemId: { not: null }, rehearsalItem: { status: "DONE" }, release: { archivedAt: null } },
    select: { rehearsalItemId: true, lastRehearsedAt: true },
  });
  let changed = 0;
  for (const plan of plans) {
    if (await db.$transaction((tx) => syncRehearsalItem(tx, plan, now, null))) changed += 1;
  }
  return changed;
}
