import { describe, expect, it } from "vitest";
import { confirmTwoStep, disableTwoStep, resetTwoStep, startTwoStepSetup, unlinkIdentity } from "@/lib/account/mutations";
import { linkIntentCookie, readLinkIntent, resolveSsoUser } from "@/lib/account/sso";
import { currentCode, decryptSecret } from "@/lib/account/totp";
import { authenticate } from "@/lib/auth";
import { db } from "@/lib/db";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { ValidationError } from "@/lib/form";
import { createUser, testPassword } from "../support/factories";

// A person's own account (F20): the optional two-step sign-in of password accounts, and single
// sign-on identities found by issuer and subject, never merged by e-mail.

const issuer = "https://login.example.test";
const STEP = 30_000;

async function secretOf(userId: string) {
  const { totpSecret } = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { totpSecret: true } });
  return decryptSecret(totpSecret!)!;
}

async function withTwoStep() {
  const user = await createUser("APPROVER", { withPassword: true });
  await startTwoStepSetup(user);
  const secret = await secretOf(user.id);
  await confirmTwoStep(user, { code: currentCode(secret, Date.now() - STEP) });
  return { user, secret };
}

const auditsOf = (entityId: string) => db.auditEvent.findMany({ where: { entityId }, orderBy: { id: "asc" }, select: { action: true, actorId: true } });

describe("two-step sign-in", () => {
  it("is on only once a code from the new key is entered, and the key is stored encrypted", async () => {
    const user = await createUser("VIEWER", { withPassword: true });
    await startTwoStepSetup(user);
    const { totpSecret } = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { totpSecret: true } });
    const secret = await secretOf(user.id);
    expect(totpSecret).not.toContain(secret);
    await expect(confirmTwoStep(user, { code: "000000" === currentCode(secret) ? "111111" : "000000" })).rejects.toThrow(ValidationError);
    expect(await authenticate({ email: user.email, password: testPassword })).toMatchObject({ id: user.id });
    await confirmTwoStep(user, { code: currentCode(secret) });
    await expect(authenticate({ email: user.email, password: testPassword })).rejects.toThrow("TwoStepRequired");
    expect((await auditsOf(user.id)).map((event) => event.action)).toEqual(["user.two_step_setup_started", "user.two_step_enabled"]);
  });

  it("asks for the code after the password, counts a wrong code as a failure, and never takes a code twice", async () => {
    const { user, secret } = await withTwoStep();
    await expect(authenticate({ email: user.email, password: "wrong password" })).resolves.toBeNull();
    await expect(authenticate({ email: user.email, password: testPassword, code: "12345" })).rejects.toThrow("TwoStepWrong");
    const code = currentCode(secret);
    expect(await authenticate({ email: user.email, password: testPassword, code })).toMatchObject({ id: user.id });
    await expect(authenticate({ email: user.email, password: testPassword, code })).rejects.toThrow("TwoStepWrong");
    // The wrong password and the wrong codes were counted toward the lockout.
    const [row] = await db.$queryRaw<{ points: number }[]>`SELECT points FROM rate_limits WHERE key = ${`login_account:${user.email}`}`;
    expect(row?.points).toBe(3);
  });

  it("turns off only with a current code; an admin can reset it, which signs the user out", async () => {
    const { user, secret } = await withTwoStep();
    await expect(disableTwoStep(user, { code: "999999" === currentCode(secret) ? "888888" : "999999" })).rejects.toThrow(ValidationError);
    await expect(resetTwoStep(user, { id: user.id })).rejects.toThrow(ForbiddenError);
    const admin = await createUser("ADMIN");
    const { sessionVersion } = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { sessionVersion: true } });
    await resetTwoStep(admin, { id: user.id });
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { totpSecret: true, totpEnabledAt: true, sessionVersion: true } });
    expect(after).toEqual({ totpSecret: null, totpEnabledAt: null, sessionVersion: sessionVersion + 1 });
    expect((await auditsOf(user.id)).at(-1)).toEqual({ action: "user.two_step_reset", actorId: admin.id });

    const again = await withTwoStep();
    await disableTwoStep(again.user, { code: currentCode(again.secret) });
    expect(await authenticate({ email: again.user.email, password: testPassword })).toMatchObject({ id: again.user.id });
  });

  it("is not offered to an account with no password", async () => {
    const outcome = await resolveSsoUser({ issuer, subject: `sso-only-${Date.now()}`, email: `sso-only-${Date.now()}@example.test` }, null, true);
    if ("refused" in outcome) throw new Error("expected an account");
    const viewer = await db.user.findUniqueOrThrow({ where: { id: outcome.userId }, select: { id: true, email: true, name: true, role: true } });
    await expect(startTwoStepSetup(viewer)).rejects.toThrow(/single sign-on/);
  });
});

describe("single sign-on identities", () => {
  const subject = () => `subject-${Math.random().toString(36).slice(2)}`;

  it("creates a viewer for a new identity and finds it again by subject, whatever the e-mail says later", async () => {
    const sub = subject();
    const first = await resolveSsoUser({ issuer, subject: sub, email: `${sub}@example.test`, name: "Ada" }, null, true);
    if ("refused" in first) throw new Error(first.refused);
    const created = await db.user.findUniqueOrThrow({ where: { id: first.userId }, select: { role: true, passwordHash: true, name: true } });
    expect(created).toEqual({ role: "VIEWER", passwordHash: null, name: "Ada" });
    const again = await resolveSsoUser({ issuer, subject: sub, email: "renamed@example.test" }, null, true);
    expect(again).toEqual(first);
    // The same subject at another issuer is someone else.
    const elsewhere = await resolveSsoUser({ issuer: "https://other.example.test", subject: sub, email: `${sub}@example.test` }, null, true);
    expect(elsewhere).toEqual({ refused: "SsoEmailTaken" });
  });

  it("never merges into an existing account by e-mail, and writes nothing when it refuses", async () => {
    const user = await createUser("RELEASE_MANAGER", { withPassword: true });
    const before = await db.externalIdentity.count();
    expect(await resolveSsoUser({ issuer, subject: subject(), email: user.email.toUpperCase() }, null, true)).toEqual({ refused: "SsoEmailTaken" });
    expect(await resolveSsoUser({ issuer, subject: subject(), email: "nobody-yet@example.test" }, null, false)).toEqual({ refused: "SsoNoAccount" });
    expect(await db.externalIdentity.count()).toBe(before);
  });

  it("links to the account that asked, through a signed cookie that expires", async () => {
    const user = await createUser("APPROVER", { withPassword: true });
    const cookie = linkIntentCookie(user.id);
    expect(readLinkIntent(cookie.value)).toBe(user.id);
    expect(readLinkIntent(cookie.value, Date.now() + 11 * 60_000)).toBeNull();
    expect(readLinkIntent(cookie.value.replace(user.id, "someone-else"))).toBeNull();
    const sub = subject();
    const outcome = await resolveSsoUser({ issuer, subject: sub, email: user.email }, readLinkIntent(cookie.value), true);
    expect(outcome).toMatchObject({ userId: user.id });
    expect((await auditsOf(user.id)).map((event) => event.action)).toEqual(["user.sso_linked"]);
  });

  it("refuses a disabled account", async () => {
    const sub = subject();
    const outcome = await resolveSsoUser({ issuer, subject: sub, email: `${sub}@example.test` }, null, true);
    if ("refused" in outcome) throw new Error(outcome.refused);
    await db.user.update({ where: { id: outcome.userId }, data: { disabledAt: new Date() } });
    expect(await resolveSsoUser({ issuer, subject: sub }, null, true)).toEqual({ refused: "SsoDisabled" });
  });

  it("makes one account when the first two sign-ins of an identity race", async () => {
    const sub = subject();
    const profile = { issuer, subject: sub, email: `${sub}@example.test` };
    const outcomes = await Promise.all([resolveSsoUser(profile, null, true), resolveSsoUser(profile, null, true)]);
    expect(outcomes[0]).toEqual(outcomes[1]);
    expect(await db.user.count({ where: { email: profile.email } })).toBe(1);
  });

  it("unlinks only the viewer's own identity, and never the only way in", async () => {
    const sub = subject();
    const outcome = await resolveSsoUser({ issuer, subject: sub, email: `${sub}@example.test` }, null, true);
    if ("refused" in outcome) throw new Error(outcome.refused);
    const viewer = await db.user.findUniqueOrThrow({ where: { id: outcome.userId }, select: { id: true, email: true, name: true, role: true } });
    const identity = await db.externalIdentity.findFirstOrThrow({ where: { userId: viewer.id } });
    await expect(unlinkIdentity(viewer, { id: identity.id })).rejects.toThrow(/only way into your account/);
    const stranger = await createUser("ADMIN", { withPassword: true });
    await expect(unlinkIdentity(stranger, { id: identity.id })).rejects.toThrow(NotFoundError);
    await db.user.update({ where: { id: viewer.id }, data: { passwordHash: "set-by-an-admin" } });
    await unlinkIdentity(viewer, { id: identity.id });
    expect(await db.externalIdentity.count({ where: { userId: viewer.id } })).toBe(0);
  });
});
