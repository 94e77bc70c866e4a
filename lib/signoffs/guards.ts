import "server-only";
import type { Tx } from "@/lib/db";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import type { ReleaseStatus } from "@/lib/generated/prisma/enums";

/** Sign-offs and decisions close once a release has shipped, been rolled back or cancelled. */
export const closedStatuses: readonly ReleaseStatus[] = ["RELEASED", "ROLLED_BACK", "CANCELLED"];

/**
 * Locks the release row FOR SHARE (a concurrent change to the blocking items waits for this
 * transaction, and this one waits for it) and returns the release, refusing archived or
 * closed ones.
 */
export async function lockOpenRelease(tx: Tx, releaseId: string, mode: "share" | "update") {
  const locked = mode === "share"
    ? await tx.$queryRaw<{ id: string }[]>`SELECT id FROM releases WHERE id = ${releaseId} FOR SHARE`
    : await tx.$queryRaw<{ id: string }[]>`SELECT id FROM releases WHERE id = ${releaseId} FOR UPDATE`;
  if (locked.length === 0) throw new NotFoundError("That release does not exist.");
  const release = await tx.release.findUniqueOrThrow({
    where: { id: releaseId },
    select: {
      id: true,
      name: true,
      versionName: true,
      targetDate: true,
      status: true,
      ownerId: true,
      separationOfDuties: true,
      blockingRevision: true,
      archivedAt: true,
      version: true,
    },
  });
  if (release.archivedAt) throw new ForbiddenError("This release is archived; its sign-offs and decisions can no longer change.");
  if (closedStatuses.includes(release.status)) {
    throw new ForbiddenError("This release is closed (released, rolled back or cancelled); sign-offs and decisions can no longer change.");
  }
  return release;
}

/** The role being signed, with its release locked and open; refuses removed roles. */
export async function signoffWriteGuard(tx: Tx, requiredSignoffId: string) {
  const role = await tx.requiredSignoff.findUnique({
    where: { id: requiredSignoffId },
    select: {
      id: true,
      releaseId: true,
      roleName: true,
      requirementsVersion: true,
      removedAt: true,
      assignees: { select: { userId: true } },
    },
  });
  if (!role || role.removedAt) throw new NotFoundError("That sign-off role is no longer required for this release.");
  const release = await lockOpenRelease(tx, role.releaseId, "share");
  return { role: { ...role, assigneeIds: role.assignees.map((assignee) => assignee.userId) }, release };
}
