import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { hashPassword } from "@/lib/password";
import type { Viewer } from "@/lib/permissions";

// Minimal factories: each inserts exactly what a test asserts on, with unique names.

const unique = () => randomBytes(4).toString("hex");

/** The password of every user a test creates with `withPassword`. */
export const testPassword = "correct horse battery staple";
let testPasswordHash: Promise<string> | undefined;

export async function createUser(role: Role, overrides: { email?: string; name?: string; withPassword?: boolean } = {}): Promise<Viewer> {
  return db.user.create({
    data: {
      email: overrides.email ?? `${role.toLowerCase()}-${unique()}@example.test`,
      name: overrides.name ?? `${role} ${unique()}`,
      role,
      passwordHash: overrides.withPassword ? await (testPasswordHash ??= hashPassword(testPassword)) : "not-a-real-hash",
    },
    select: { id: true, email: true, name: true, role: true },
  });
}

export async function createRelease(ownerId: string, overrides: { name?: string; archivedAt?: Date } = {}) {
  return db.release.create({
    data: {
      name: overrides.name ?? `Release ${unique()}`,
      versionName: "v1.0.0",
      targetDate: new Date("2030-01-15T00:00:00Z"),
      ownerId,
      archivedAt: overrides.archivedAt,
      categories: { create: [{ name: "Security", weight: 100, position: 0 }] },
    },
    select: { id: true, version: true, name: true, categories: { select: { id: true } } },
  });
}

export async function createPhase(releaseId: string, name = `Phase ${unique()}`) {
  const count = await db.phase.count({ where: { releaseId } });
  return db.phase.create({ data: { releaseId, name, position: count }, select: { id: true, version: true, releaseId: true } });
}

export async function createItem(
  phase: { id: string; releaseId: string },
  overrides: Partial<{
    title: string;
    priority: "BLOCKING" | "RECOMMENDED" | "OPTIONAL";
    parentId: string;
    status: "TODO" | "DONE";
    categoryId: string;
    lastChangedById: string;
  }> = {},
) {
  const count = await db.item.count({ where: { phaseId: phase.id } });
  return db.item.create({
    data: {
      releaseId: phase.releaseId,
      phaseId: phase.id,
      title: overrides.title ?? `Item ${unique()}`,
      priority: overrides.priority ?? "RECOMMENDED",
      parentId: overrides.parentId,
      status: overrides.status ?? "TODO",
      categoryId: overrides.categoryId,
      lastChangedById: overrides.lastChangedById,
      position: count,
    },
    select: { id: true, version: true, releaseId: true, phaseId: true, title: true, status: true },
  });
}

export async function createRole(
  releaseId: string,
  assignees: { id: string }[],
  overrides: { roleName?: string; requiredApprovals?: number; evidenceToReview?: string } = {},
) {
  const position = await db.requiredSignoff.count({ where: { releaseId } });
  return db.requiredSignoff.create({
    data: {
      releaseId,
      roleName: overrides.roleName ?? `Role ${unique()}`,
      evidenceToReview: overrides.evidenceToReview ?? "Test results",
      requiredApprovals: overrides.requiredApprovals ?? 1,
      position,
      assignees: { create: assignees.map((user) => ({ userId: user.id })) },
    },
    select: { id: true, version: true, roleName: true, releaseId: true },
  });
}

/** Counts the rows of the tables mutations write, to prove a refused action changed nothing. */
export async function countRows() {
  const [releases, phases, items, evidence, notes, users, audit, signoffs, conditions, resolutions, roles, decisions, shareLinks, blockingChanges, targetChanges, templates] =
    await Promise.all([
      db.release.count(),
      db.phase.count(),
      db.item.count(),
      db.evidenceLink.count(),
      db.itemNote.count(),
      db.user.count(),
      db.auditEvent.count(),
      db.signoff.count(),
      db.signoffCondition.count(),
      db.conditionResolution.count(),
      db.requiredSignoff.count(),
      db.decision.count(),
      db.shareLink.count(),
      db.blockingChange.count(),
      db.targetDateChange.count(),
      db.template.count(),
    ]);
  return { releases, phases, items, evidence, notes, users, audit, signoffs, conditions, resolutions, roles, decisions, shareLinks, blockingChanges, targetChanges, templates };
}
