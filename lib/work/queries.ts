import "server-only";
import { db } from "@/lib/db";
import { isOverdue, isPastDueDay } from "@/lib/checklist/rules";
import { loadReadinessInputs } from "@/lib/decisions/queries";
import type { Viewer } from "@/lib/permissions";
import { closedStatuses } from "@/lib/signoffs/guards";
import { evaluateRole } from "@/lib/signoffs/rules";

// "My work" (F19): what waits for the viewer across open releases, overdue first. A fixed
// number of queries whatever the number of releases.

const openRelease = { archivedAt: null, status: { notIn: [...closedStatuses] } };
const byUrgency = <T extends { isOverdue: boolean; dueDate: Date | null }>(a: T, b: T) =>
  Number(b.isOverdue) - Number(a.isOverdue) ||
  (a.dueDate?.getTime() ?? Number.MAX_SAFE_INTEGER) - (b.dueDate?.getTime() ?? Number.MAX_SAFE_INTEGER);

export async function getMyWork(viewer: Viewer) {
  const now = new Date();
  const [items, roles] = await Promise.all([
    db.item.findMany({
      where: { assigneeId: viewer.id, status: { not: "DONE" }, release: openRelease },
      select: {
        id: true,
        title: true,
        status: true,
        priority: true,
        dueDate: true,
        waiverExpiresAt: true,
        parentId: true,
        release: { select: { id: true, name: true, versionName: true } },
      },
    }),
    db.requiredSignoff.findMany({
      where: { removedAt: null, assignees: { some: { userId: viewer.id } }, release: openRelease },
      select: { id: true, releaseId: true },
    }),
  ]);
  const releaseIds = [...new Set(roles.map((role) => role.releaseId))];
  const [inputs, releases] = await Promise.all([
    loadReadinessInputs(db, releaseIds, now),
    db.release.findMany({ where: { id: { in: releaseIds } }, select: { id: true, name: true, versionName: true, targetDate: true } }),
  ]);
  const releaseById = new Map(releases.map((release) => [release.id, release]));

  const signoffs = roles.flatMap((row) => {
    const input = inputs.get(row.releaseId)?.input;
    const role = input?.roles.find((candidate) => candidate.id === row.id);
    if (!input || !role) return [];
    const standing = evaluateRole(role, input.signoffs, input.blockingRevision, now).signers.find((signer) => signer.userId === viewer.id)!;
    if (!["none", "stale", "reset"].includes(standing.standing)) return [];
    const release = releaseById.get(row.releaseId)!;
    return [{ roleId: role.id, roleName: role.roleName, standing: standing.standing, release, dueDate: release.targetDate, isOverdue: isPastDueDay(release.targetDate, now) }];
  });

  // Conditions count only on each signer's current sign-off; those of superseded ones are moot.
  const conditionRows = await db.signoffCondition.findMany({
    where: { ownerId: viewer.id, resolution: null, signoff: { supersededBy: null, release: openRelease } },
    select: {
      id: true,
      description: true,
      dueDate: true,
      signoff: { select: { releaseId: true, signer: { select: { name: true } }, requiredSignoff: { select: { roleName: true } }, release: { select: { name: true, versionName: true } } } },
    },
  });
  const conditions = conditionRows.map((condition) => ({ ...condition, isOverdue: isPastDueDay(condition.dueDate, now) }));

  return {
    items: items
      .filter((item) => !(item.status === "WAIVED" && (!item.waiverExpiresAt || item.waiverExpiresAt > now)))
      .map((item) => ({ ...item, isOverdue: isOverdue(item, now) }))
      .sort(byUrgency),
    signoffs: signoffs.sort(byUrgency),
    conditions: conditions.sort(byUrgency),
  };
}

export type MyWork = Awaited<ReturnType<typeof getMyWork>>;
