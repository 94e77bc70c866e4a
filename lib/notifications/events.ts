import "server-only";
import { db, type Tx } from "@/lib/db";
import { blockingChangeLabels } from "@/lib/signoffs/rules";
import type { BlockingChangeKind } from "@/lib/generated/prisma/enums";
import { notify } from "@/lib/notifications/notify";

// Who hears of what (F24): sign-off requested (and re-confirmation needed), item assigned,
// condition due, decision recorded. Each runs inside the transaction of its change.

type ReleaseRef = { id: string; name: string };

export async function notifySignoffRequested(tx: Tx, release: ReleaseRef, role: { id: string; roleName: string; requirementsVersion: number }, userIds: string[], actorId: string) {
  await notify(tx, {
    userIds,
    kind: "SIGNOFF_REQUESTED",
    releaseId: release.id,
    title: `Your sign-off is requested: ${role.roleName} for ${release.name}`,
    body: "You are assigned to sign for this role.",
    link: `/releases/${release.id}/signoffs#role-${role.id}`,
    dedupeKey: `signoff-requested:${role.id}:${role.requirementsVersion}`,
  }, actorId);
}

/** The signers whose approvals a blocking change just made stale are asked to re-confirm. */
export async function notifySignoffsStale(tx: Tx, release: ReleaseRef, change: { kind: BlockingChangeKind; itemTitle: string }, actorId: string | null) {
  const approvals = await tx.signoff.findMany({
    where: { releaseId: release.id, supersededBy: null, verdict: { in: ["APPROVED", "CONDITIONAL"] }, requiredSignoff: { removedAt: null } },
    select: { id: true, signerId: true, requiredSignoff: { select: { id: true, roleName: true } } },
  });
  for (const approval of approvals) {
    await notify(tx, {
      userIds: [approval.signerId],
      kind: "SIGNOFF_STALE",
      releaseId: release.id,
      title: `Re-confirm your sign-off: ${approval.requiredSignoff.roleName} for ${release.name}`,
      body: `${blockingChangeLabels[change.kind]}: ${change.itemTitle}. Your sign-off no longer counts until you re-confirm it.`,
      link: `/releases/${release.id}/signoffs#role-${approval.requiredSignoff.id}`,
      dedupeKey: `signoff-stale:${approval.id}`,
    }, actorId);
  }
}

export async function notifyItemAssigned(tx: Tx, item: { id: string; releaseId: string; title: string; version: number }, assigneeId: string, actorId: string) {
  const release = await tx.release.findUniqueOrThrow({ where: { id: item.releaseId }, select: { name: true } });
  await notify(tx, {
    userIds: [assigneeId],
    kind: "ITEM_ASSIGNED",
    releaseId: item.releaseId,
    title: `Assigned to you: ${item.title}`,
    body: `In ${release.name}.`,
    link: `/releases/${item.releaseId}/items/${item.id}`,
    dedupeKey: `item-assigned:${item.id}:${item.version}`,
  }, actorId);
}

export async function notifyDecisionRecorded(tx: Tx, release: ReleaseRef & { ownerId: string }, decision: { id: string; outcome: "GO" | "NO_GO"; isOverride: boolean }, actorId: string) {
  const assignees = await tx.requiredSignoffAssignee.findMany({
    where: { requiredSignoff: { releaseId: release.id, removedAt: null } },
    select: { userId: true },
  });
  const outcome = decision.outcome === "GO" ? (decision.isOverride ? "GO (override)" : "GO") : "NO-GO";
  await notify(tx, {
    userIds: [release.ownerId, ...assignees.map((assignee) => assignee.userId)],
    kind: "DECISION_RECORDED",
    releaseId: release.id,
    title: `Decision recorded for ${release.name}: ${outcome}`,
    link: `/releases/${release.id}/decisions/${decision.id}`,
    dedupeKey: `decision:${decision.id}`,
  }, actorId);
}

/**
 * Tells the owners of open conditions that are due today or overdue, once a day each. Only
 * conditions of current sign-offs on open releases count. Run by the worker.
 */
export async function sweepConditionsDue(now: Date) {
  const endOfToday = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const day = endOfToday.toISOString().slice(0, 10);
  const due = await db.signoffCondition.findMany({
    where: {
      resolution: null,
      dueDate: { lte: endOfToday },
      signoff: { supersededBy: null, release: { archivedAt: null, status: { notIn: ["RELEASED", "ROLLED_BACK", "CANCELLED"] } } },
    },
    select: { id: true, description: true, ownerId: true, dueDate: true, signoff: { select: { release: { select: { id: true, name: true } } } } },
  });
  for (const condition of due) {
    const release = condition.signoff.release;
    const isOverdue = condition.dueDate < endOfToday;
    await db.$transaction((tx) =>
      notify(tx, {
        userIds: [condition.ownerId],
        kind: "CONDITION_DUE",
        releaseId: release.id,
        title: `${isOverdue ? "Overdue" : "Due today"}: ${condition.description}`,
        body: `A condition of a sign-off on ${release.name}. ${isOverdue ? "It now counts as a rejection until it is met." : "Mark it met once done."}`,
        link: `/releases/${release.id}/signoffs`,
        dedupeKey: `condition-due:${condition.id}:${day}`,
      }),
    );
  }
  return due.length;
}
