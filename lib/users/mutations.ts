import "server-only";
import { db, type Tx } from "@/lib/db";
import { changedFields, recordAudit } from "@/lib/audit";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { parseInput, ValidationError } from "@/lib/form";
import { hashPassword } from "@/lib/password";
import { requirePermission, type Viewer } from "@/lib/permissions";
import { createUserSchema, resetPasswordSchema, setUserDisabledSchema, updateUserSchema } from "@/lib/users/schemas";

// User administration (F20). A role change, a password reset and disabling all bump the
// user's session version, which signs them out everywhere at their next request.

const userAuditFields = { id: true, email: true, name: true, role: true, disabledAt: true } as const;

async function loadUser(tx: Tx, id: string) {
  const user = await tx.user.findUnique({ where: { id }, select: userAuditFields });
  if (!user) throw new NotFoundError("That user does not exist.");
  return user;
}

/** Refuses a change that would leave no active admin to manage users. */
async function keepAnAdmin(tx: Tx, userId: string) {
  const others = await tx.user.count({ where: { role: "ADMIN", disabledAt: null, id: { not: userId } } });
  if (others === 0) throw new ForbiddenError("This is the last active admin; make someone else an admin first.");
}

export async function createUser(viewer: Viewer, raw: unknown) {
  requirePermission(viewer, "users:manage");
  const { password, ...input } = parseInput(createUserSchema, raw);
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email: input.email }, select: { id: true } });
    if (existing) throw new ValidationError({ email: ["A user with this e-mail already exists."] });
    const user = await tx.user.create({ data: { ...input, passwordHash }, select: userAuditFields });
    await recordAudit(tx, { actorId: viewer.id, action: "user.created", entityType: "user", entityId: user.id, after: user });
    return user;
  });
}

export async function updateUser(viewer: Viewer, raw: unknown) {
  requirePermission(viewer, "users:manage");
  const { id, ...changes } = parseInput(updateUserSchema, raw);
  return db.$transaction(async (tx) => {
    const before = await loadUser(tx, id);
    if (before.role === "ADMIN" && changes.role !== "ADMIN") await keepAnAdmin(tx, id);
    const isRoleChanged = before.role !== changes.role;
    await tx.user.update({
      where: { id },
      data: { ...changes, ...(isRoleChanged ? { sessionVersion: { increment: 1 } } : {}) },
    });
    const diff = changedFields(before, changes);
    await recordAudit(tx, { actorId: viewer.id, action: "user.updated", entityType: "user", entityId: id, ...diff });
    return { id };
  });
}

export async function resetPassword(viewer: Viewer, raw: unknown) {
  requirePermission(viewer, "users:manage");
  const { id, password } = parseInput(resetPasswordSchema, raw);
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    await loadUser(tx, id);
    await tx.user.update({ where: { id }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    await recordAudit(tx, { actorId: viewer.id, action: "user.password_reset", entityType: "user", entityId: id });
    return { id };
  });
}

export async function setUserDisabled(viewer: Viewer, raw: unknown) {
  requirePermission(viewer, "users:manage");
  const { id, disabled } = parseInput(setUserDisabledSchema, raw);
  return db.$transaction(async (tx) => {
    const before = await loadUser(tx, id);
    if (disabled && before.role === "ADMIN") await keepAnAdmin(tx, id);
    const disabledAt = disabled ? (before.disabledAt ?? new Date()) : null;
    await tx.user.update({ where: { id }, data: { disabledAt, sessionVersion: { increment: 1 } } });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: disabled ? "user.disabled" : "user.enabled",
      entityType: "user",
      entityId: id,
      before: { disabledAt: before.disabledAt },
      after: { disabledAt },
    });
    return { id };
  });
}
