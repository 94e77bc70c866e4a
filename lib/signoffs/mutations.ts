import "server-only";
import { emitWebhookEvent } from "@/lib/webhooks/emit";
import { db, type DbClient, type Tx } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { ForbiddenError, NotFoundError, StaleVersionError } from "@/lib/errors";
import { parseInput, ValidationError } from "@/lib/form";
import { verifyPassword } from "@/lib/password";
import { can, requirePermission, type Viewer } from "@/lib/permissions";
import { isUniqueViolation } from "@/lib/db-errors";
import { recordSignoffSchema, resolveConditionSchema, signOnFreshUntil, SSO_CONFIRM_MINUTES, type RecordSignoffInput } from "@/lib/signoffs/schemas";
import { signoffWriteGuard } from "@/lib/signoffs/guards";

// Recording sign-offs (F8). The signer and the time come from the session and the server,
// never from the form; signing asks for the signer's password again; records are append-only.

/**
 * Signing is confirmed by the signer: the password again, or for an account that only signs on
 * through the provider, a sign-on of the current session at most SSO_CONFIRM_MINUTES old.
 */
async function requireConfirmation(viewer: Viewer, password: string) {
  const user = await db.user.findUnique({ where: { id: viewer.id }, select: { passwordHash: true } });
  if (user && !user.passwordHash) {
    if (Date.now() <= signOnFreshUntil(viewer.signedInAt)) return;
    throw new ValidationError({ password: [`Your account signs in through single sign-on: sign on again, then sign within ${SSO_CONFIRM_MINUTES} minutes.`] });
  }
  if (!password) throw new ValidationError({ password: ["Enter your password to sign."] });
  if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, password))) {
    throw new ValidationError({ password: ["That password is not right. Enter the password you sign in with."] });
  }
}

/** Separation of duties: the release owner and whoever last changed a blocking item cannot approve. */
async function checkSeparationOfDuties(tx: Tx, viewer: Viewer, release: { id: string; ownerId: string; separationOfDuties: boolean }) {
  if (!release.separationOfDuties) return;
  if (release.ownerId === viewer.id) {
    throw new ForbiddenError("Separation of duties: the release owner cannot approve their own release. You may still reject.");
  }
  const changed = await tx.item.findFirst({
    where: { releaseId: release.id, priority: "BLOCKING", lastChangedById: viewer.id },
    select: { title: true },
  });
  if (changed) {
    throw new ForbiddenError(
      `Separation of duties: you last changed the blocking item “${changed.title}”, so someone else must approve. You may still reject.`,
    );
  }
}

async function findByIdempotencyKey(tx: DbClient, viewer: Viewer, key: string) {
  const existing = await tx.signoff.findUnique({ where: { idempotencyKey: key }, select: { id: true, releaseId: true, signerId: true } });
  if (existing && existing.signerId !== viewer.id) throw new ValidationError({ form: ["This form was already used; reload the page."] });
  return existing;
}

type Recorded = { id: string; releaseId: string; isRepeat: boolean };

async function insertSignoff(tx: Tx, viewer: Viewer, input: RecordSignoffInput): Promise<Recorded> {
  const { role, release } = await signoffWriteGuard(tx, input.requiredSignoffId);
  // One signer's sign-offs for one role are recorded one at a time: a second submission of the
  // same form waits here, then finds the first one recorded.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`${role.id}:${viewer.id}`}, 0))`;
  const existing = await findByIdempotencyKey(tx, viewer, input.idempotencyKey);
  if (existing) return { id: existing.id, releaseId: existing.releaseId, isRepeat: true };
  if (!role.assigneeIds.includes(viewer.id)) {
    throw new ForbiddenError(`You are not assigned to sign as ${role.roleName}. Ask the release manager to assign you.`);
  }
  if (input.verdict !== "REJECTED") await checkSeparationOfDuties(tx, viewer, release);
  if (input.basisRevision !== release.blockingRevision) {
    throw new StaleVersionError({}, "Blocking items changed while you were reviewing. Review what changed below, then sign again.");
  }
  const head = await tx.signoff.findFirst({
    where: { requiredSignoffId: role.id, signerId: viewer.id, supersededBy: null },
    select: { id: true },
  });
  if ((head?.id ?? null) !== input.supersedesId) {
    throw new StaleVersionError({}, "You signed for this role in another window meanwhile. Reload to see your latest sign-off.");
  }
  const today = new Date(new Date().toISOString().slice(0, 10));
  for (const [index, condition] of input.conditions.entries()) {
    if (condition.dueDate < today) throw new ValidationError({ [`conditions.${index}.dueDate`]: ["A condition's due date cannot be in the past."] });
  }
  const ownerIds = [...new Set(input.conditions.map((condition) => condition.ownerId))];
  const owners = await tx.user.count({ where: { id: { in: ownerIds }, disabledAt: null } });
  if (owners !== ownerIds.length) throw new ValidationError({ conditions: ["Each condition's owner must be an active user."] });

  const signoff = await tx.signoff.create({
    data: {
      releaseId: release.id,
      requiredSignoffId: role.id,
      signerId: viewer.id,
      verdict: input.verdict,
      comment: input.comment,
      evidenceReviewed: input.evidenceReviewed,
      supersedesId: head?.id ?? null,
      basisRevision: release.blockingRevision,
      roleVersion: role.requirementsVersion,
      idempotencyKey: input.idempotencyKey,
      conditions: { create: input.conditions },
    },
    select: { id: true, createdAt: true },
  });
  await recordAudit(tx, {
    actorId: viewer.id,
    releaseId: release.id,
    action: head ? "signoff.superseded" : "signoff.recorded",
    entityType: "signoff",
    entityId: signoff.id,
    after: {
      role: role.roleName,
      verdict: input.verdict,
      comment: input.comment,
      evidenceReviewed: input.evidenceReviewed,
      conditions: input.conditions,
      supersedes: head?.id ?? null,
      basisRevision: release.blockingRevision,
    },
  });
  await emitWebhookEvent(tx, {
    type: "signoff.recorded",
    releaseId: release.id,
    data: { signoffId: signoff.id, role: role.roleName, verdict: input.verdict, signer: viewer.name, comment: input.comment, supersedes: head?.id ?? null },
  });
  return { id: signoff.id, releaseId: release.id, isRepeat: false };
}

export async function recordSignoff(viewer: Viewer, raw: unknown) {
  requirePermission(viewer, "signoff:record");
  const input = parseInput(recordSignoffSchema, raw);
  await requireConfirmation(viewer, input.password);
  try {
    return await db.$transaction((tx) => insertSignoff(tx, viewer, input));
  } catch (error) {
    // The database's chain constraints are the last line behind the lock above.
    if (!isUniqueViolation(error)) throw error;
    throw new StaleVersionError({}, "You signed for this role in another window meanwhile. Reload to see your latest sign-off.");
  }
}

/** Marks a condition of a conditional approval as met: its owner, or a release manager. */
export async function resolveCondition(viewer: Viewer, raw: unknown) {
  const { conditionId, note } = parseInput(resolveConditionSchema, raw);
  return db.$transaction(async (tx) => {
    const condition = await tx.signoffCondition.findUnique({
      where: { id: conditionId },
      select: { id: true, description: true, ownerId: true, resolution: { select: { id: true } }, signoff: { select: { releaseId: true } } },
    });
    if (!condition) throw new NotFoundError("That condition no longer exists.");
    if (condition.ownerId !== viewer.id && !can(viewer, "signoff:configure")) {
      throw new ForbiddenError("Only the condition's owner or a release manager can mark it met.");
    }
    const release = await tx.release.findUnique({ where: { id: condition.signoff.releaseId }, select: { archivedAt: true } });
    if (release?.archivedAt) throw new ForbiddenError("This release is archived; its sign-offs can no longer change.");
    if (condition.resolution) return { releaseId: condition.signoff.releaseId };
    await tx.conditionResolution.create({ data: { conditionId, resolvedById: viewer.id, note } });
    await recordAudit(tx, {
      actorId: viewer.id,
      releaseId: condition.signoff.releaseId,
      action: "signoff.condition_met",
      entityType: "signoff_condition",
      entityId: conditionId,
      after: { description: condition.description, note },
    });
    return { releaseId: condition.signoff.releaseId };
  });
}
