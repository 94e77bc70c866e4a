import "server-only";
import { db, type DbClient, type Tx } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { parseInput, ValidationError } from "@/lib/form";
import { requirePermission, type Viewer } from "@/lib/permissions";
import { decryptSecret, encryptSecret, matchingStep, newSecret } from "@/lib/account/totp";
import { resetTwoStepSchema, totpCodeSchema, unlinkIdentitySchema } from "@/lib/account/schemas";

// A person's own account (F20): the optional second sign-in step for password accounts, and the
// single sign-on identities linked to the account. Each change is audited against the user.

const wrongCode = () => new ValidationError({ code: ["That code is not right. Enter the current 6-digit code from your authenticator app."] });

async function loadTwoStep(tx: Tx, userId: string) {
  const user = await tx.user.findUnique({ where: { id: userId }, select: { passwordHash: true, totpSecret: true, totpEnabledAt: true, totpLastStep: true } });
  if (!user) throw new NotFoundError("That user does not exist.");
  return user;
}

/**
 * Accepts a code once: the step must be newer than the last one used, and it is claimed in
 * the same statement, so two requests with one code cannot both pass.
 */
export async function claimCode(tx: DbClient, userId: string, storedSecret: string | null, code: string): Promise<boolean> {
  const secret = storedSecret ? decryptSecret(storedSecret) : null;
  const step = secret ? matchingStep(secret, code) : null;
  if (step === null) return false;
  const { count } = await tx.user.updateMany({
    where: { id: userId, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
    data: { totpLastStep: step },
  });
  return count === 1;
}

/** Makes a new secret for the viewer to add to an authenticator app; not in force until confirmed. */
export async function startTwoStepSetup(viewer: Viewer) {
  return db.$transaction(async (tx) => {
    const user = await loadTwoStep(tx, viewer.id);
    if (!user.passwordHash) throw new ForbiddenError("Your account signs in through single sign-on; its second step is your provider's.");
    if (user.totpEnabledAt) throw new ForbiddenError("Two-step sign-in is already on. Turn it off first to move it to a new device.");
    await tx.user.update({ where: { id: viewer.id }, data: { totpSecret: encryptSecret(newSecret()), totpLastStep: null } });
    await recordAudit(tx, { actorId: viewer.id, action: "user.two_step_setup_started", entityType: "user", entityId: viewer.id });
    return { id: viewer.id };
  });
}

/** Turns two-step sign-in on once the viewer proves the app produces the right codes. */
export async function confirmTwoStep(viewer: Viewer, raw: unknown) {
  const { code } = parseInput(totpCodeSchema, raw);
  return db.$transaction(async (tx) => {
    const user = await loadTwoStep(tx, viewer.id);
    if (user.totpEnabledAt) throw new ForbiddenError("Two-step sign-in is already on.");
    if (!user.totpSecret) throw new ForbiddenError("Start the set-up again: there is no pending secret.");
    if (!(await claimCode(tx, viewer.id, user.totpSecret, code))) throw wrongCode();
    await tx.user.update({ where: { id: viewer.id }, data: { totpEnabledAt: new Date() } });
    await recordAudit(tx, { actorId: viewer.id, action: "user.two_step_enabled", entityType: "user", entityId: viewer.id });
    return { id: viewer.id };
  });
}

/** Turns two-step sign-in off; asks for a current code, so a borrowed session alone cannot. */
export async function disableTwoStep(viewer: Viewer, raw: unknown) {
  const { code } = parseInput(totpCodeSchema, raw);
  return db.$transaction(async (tx) => {
    const user = await loadTwoStep(tx, viewer.id);
    if (!user.totpEnabledAt) throw new ForbiddenError("Two-step sign-in is not on.");
    if (!(await claimCode(tx, viewer.id, user.totpSecret, code))) throw wrongCode();
    await tx.user.update({ where: { id: viewer.id }, data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null } });
    await recordAudit(tx, { actorId: viewer.id, action: "user.two_step_disabled", entityType: "user", entityId: viewer.id });
    return { id: viewer.id };
  });
}

/** An admin turns off a user's second step (a lost phone); the user's sessions end. */
export async function resetTwoStep(viewer: Viewer, raw: unknown) {
  requirePermission(viewer, "users:manage");
  const { id } = parseInput(resetTwoStepSchema, raw);
  return db.$transaction(async (tx) => {
    const user = await loadTwoStep(tx, id);
    if (!user.totpSecret) throw new ForbiddenError("This user has no two-step sign-in to reset.");
    await tx.user.update({ where: { id }, data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null, sessionVersion: { increment: 1 } } });
    await recordAudit(tx, { actorId: viewer.id, action: "user.two_step_reset", entityType: "user", entityId: id });
    return { id };
  });
}

/** Removes a single sign-on identity from the viewer's own account, never the only way in. */
export async function unlinkIdentity(viewer: Viewer, raw: unknown) {
  const { id } = parseInput(unlinkIdentitySchema, raw);
  return db.$transaction(async (tx) => {
    const identity = await tx.externalIdentity.findFirst({ where: { id, userId: viewer.id }, select: { id: true, issuer: true, subject: true, email: true } });
    if (!identity) throw new NotFoundError("That sign-on link does not exist on your account.");
    const user = await tx.user.findUniqueOrThrow({ where: { id: viewer.id }, select: { passwordHash: true, _count: { select: { identities: true } } } });
    if (!user.passwordHash && user._count.identities <= 1) {
      throw new ForbiddenError("This is the only way into your account; ask an admin to set a password first.");
    }
    await tx.externalIdentity.delete({ where: { id } });
    await recordAudit(tx, { actorId: viewer.id, action: "user.sso_unlinked", entityType: "user", entityId: viewer.id, before: identity });
    return { id };
  });
}
