import "server-only";
import { db } from "@/lib/db";
import { groupBy } from "@/lib/group-by";
import type { Viewer } from "@/lib/permissions";
import { closedStatuses } from "@/lib/signoffs/guards";
import { loadSignoffs, requiredRolesSelect, toRoleRequirement, toSignoffRecord } from "@/lib/signoffs/records";
import { evaluateRole } from "@/lib/signoffs/rules";

// The sign-off page (F7 to F9): each required role with where every assigned user stands,
// what changed since a stale sign-off, the full history, and what the viewer may do.

const CHANGES_SHOWN = 200;

export async function getSignoffBoard(releaseId: string, viewer: Viewer) {
  const [release, signoffs, viewerChangedBlocking, roleVersions] = await Promise.all([
    db.release.findUnique({
      where: { id: releaseId },
      select: { id: true, ownerId: true, separationOfDuties: true, blockingRevision: true, archivedAt: true, status: true, version: true, requiredSignoffs: requiredRolesSelect },
    }),
    loadSignoffs(db, [releaseId]).then((lookup) => lookup(releaseId)),
    db.item.findFirst({ where: { releaseId, priority: "BLOCKING", lastChangedById: viewer.id }, select: { title: true } }),
    db.requiredSignoff.findMany({ where: { releaseId, removedAt: null }, select: { id: true, version: true } }),
  ]);
  const editVersions = new Map(roleVersions.map((role) => [role.id, role.version]));
  if (!release) return null;
  const now = new Date();
  const roles = release.requiredSignoffs.map(toRoleRequirement).map((role) => evaluateRole(role, signoffs.records, release.blockingRevision, now));
  const oldestBasis = Math.min(...roles.flatMap((role) => role.signers.map((signer) => signer.current?.basisRevision ?? release.blockingRevision)), release.blockingRevision);
  const changes = await db.blockingChange.findMany({
    where: { releaseId, revision: { gt: oldestBasis } },
    orderBy: { revision: "desc" },
    take: CHANGES_SHOWN,
    select: { id: true, revision: true, kind: true, itemId: true, itemTitle: true, detail: true, createdAt: true, actor: { select: { name: true } } },
  });
  const historyByRole = groupBy([...signoffs.rows].reverse(), (record) => record.requiredSignoffId);
  const approveBlocker = !release.separationOfDuties
    ? null
    : release.ownerId === viewer.id
      ? "You own this release: separation of duties lets you reject but not approve."
      : viewerChangedBlocking
        ? `You last changed the blocking item “${viewerChangedBlocking.title}”: separation of duties lets you reject but not approve.`
        : null;
  return {
    releaseId,
    blockingRevision: release.blockingRevision,
    separationOfDuties: release.separationOfDuties,
    releaseVersion: release.version,
    isOpen: !release.archivedAt && !closedStatuses.includes(release.status),
    approveBlocker,
    roles: roles.map((evaluation) => {
      const head = evaluation.signers.find((signer) => signer.userId === viewer.id)?.current ?? null;
      return {
        ...evaluation,
        /** The role's version for optimistic concurrency of edits (not its requirements version). */
        roleVersion: editVersions.get(evaluation.role.id) ?? 1,
        signers: evaluation.signers.map((signer) => ({
          ...signer,
          changesSinceSigning:
            signer.current && signer.standing === "stale" ? changes.filter((change) => change.revision > signer.current!.basisRevision) : [],
        })),
        history: (historyByRole.get(evaluation.role.id) ?? []).map((row) => ({
          ...toSignoffRecord(row),
          resolutions: row.conditions.map((condition) => condition.resolution),
        })),
        viewer: { isAssigned: evaluation.role.assignees.some((assignee) => assignee.id === viewer.id), head },
      };
    }),
  };
}

export type SignoffBoard = NonNullable<Awaited<ReturnType<typeof getSignoffBoard>>>;
export type SignoffBoardRole = SignoffBoard["roles"][number];

/** Users who may be assigned to sign, or own a condition. */
export async function listSigners() {
  return db.user.findMany({
    where: { disabledAt: null, role: { in: ["APPROVER", "RELEASE_MANAGER", "ADMIN"] } },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}
