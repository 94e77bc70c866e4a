import "server-only";
import type { DbClient } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { groupBy } from "@/lib/group-by";
import type { RoleRequirement, SignoffCondition, SignoffRecord } from "@/lib/signoffs/rules";

// Reads of the required sign-off roles and the sign-offs recorded against them, shared by the
// sign-off board and the go/no-go criteria: a fixed set of queries however many releases.

export const signoffRecordSelect = {
  id: true,
  requiredSignoffId: true,
  signerId: true,
  verdict: true,
  comment: true,
  evidenceReviewed: true,
  supersedesId: true,
  basisRevision: true,
  roleVersion: true,
  createdAt: true,
  signer: { select: { name: true } },
  conditions: {
    orderBy: { dueDate: "asc" },
    select: {
      id: true,
      description: true,
      ownerId: true,
      dueDate: true,
      owner: { select: { name: true } },
      resolution: { select: { createdAt: true, note: true, resolvedBy: { select: { name: true } } } },
    },
  },
} as const;

type SignoffRow = Omit<SignoffRecord, "signerName" | "conditions"> & {
  signer: { name: string };
  conditions: (Omit<SignoffCondition, "ownerName" | "resolvedAt"> & { owner: { name: string }; resolution: { createdAt: Date } | null })[];
};

export function toSignoffRecord({ signer, conditions, ...row }: SignoffRow): SignoffRecord {
  return {
    ...row,
    signerName: signer.name,
    conditions: conditions.map(({ owner, resolution, ...condition }) => ({
      ...condition,
      ownerName: owner.name,
      resolvedAt: resolution?.createdAt ?? null,
    })),
  };
}

/** A release's required roles, in board order, with their assignees: to nest in a release's select. */
export const requiredRolesSelect = {
  where: { removedAt: null },
  orderBy: [{ position: "asc" }, { createdAt: "asc" }] as Prisma.RequiredSignoffOrderByWithRelationInput[],
  select: {
    id: true,
    roleName: true,
    evidenceToReview: true,
    requiredApprovals: true,
    requirementsVersion: true,
    assignees: { orderBy: { user: { name: "asc" } }, select: { user: { select: { id: true, name: true } } } },
  },
} as const;

type RoleRow = Omit<RoleRequirement, "version" | "assignees"> & { requirementsVersion: number; assignees: { user: { id: string; name: string } }[] };

export function toRoleRequirement({ requirementsVersion, assignees, ...role }: RoleRow): RoleRequirement {
  return { ...role, version: requirementsVersion, assignees: assignees.map(({ user }) => user) };
}

/**
 * Every sign-off of several releases, oldest first, as rows and as the rules' records, by
 * release; through `client` so that a transaction sees its own view.
 */
export async function loadSignoffs(client: DbClient, releaseIds: readonly string[]) {
  const rows = await client.signoff.findMany({ where: { releaseId: { in: [...releaseIds] } }, orderBy: { createdAt: "asc" }, select: { ...signoffRecordSelect, releaseId: true } });
  const byRelease = groupBy(rows, (row) => row.releaseId);
  return (releaseId: string) => {
    const releaseRows = byRelease.get(releaseId) ?? [];
    return { rows: releaseRows, records: releaseRows.map(({ releaseId: _releaseId, ...row }) => toSignoffRecord(row)) };
  };
}
