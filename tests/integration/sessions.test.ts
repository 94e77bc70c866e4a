import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { endSession, signOutEverywhere, startSession, viewerFromClaims } from "@/lib/sessions";
import { setUserDisabled } from "@/lib/users/mutations";
import { createUser } from "../support/factories";

// Sessions (F20): a session counts until it is ended, idle for 30 minutes, or 12 hours old;
// sign-out everywhere, a role change, a password change and disabling end all of a user's.

const MINUTE = 60_000;

async function signedIn(role: "VIEWER" | "ADMIN" = "VIEWER") {
  const user = await createUser(role);
  const sessionId = await startSession(user.id);
  const { sessionVersion } = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { sessionVersion: true } });
  return { user, claims: { userId: user.id, sessionVersion, sessionId } };
}

describe("sessions", () => {
  it("count while in use, and keep themselves alive", async () => {
    const { user, claims } = await signedIn();
    expect(await viewerFromClaims(claims)).toMatchObject({ id: user.id });
    await db.session.update({ where: { id: claims.sessionId }, data: { lastSeenAt: new Date(Date.now() - 20 * MINUTE) } });
    expect(await viewerFromClaims(claims)).not.toBeNull();
    const { lastSeenAt } = await db.session.findUniqueOrThrow({ where: { id: claims.sessionId } });
    expect(Date.now() - lastSeenAt.getTime()).toBeLessThan(MINUTE);
  });

  it("end after 30 idle minutes", async () => {
    const { claims } = await signedIn();
    await db.session.update({ where: { id: claims.sessionId }, data: { lastSeenAt: new Date(Date.now() - 31 * MINUTE) } });
    expect(await viewerFromClaims(claims)).toBeNull();
  });

  it("end 12 hours after sign-in, however busy", async () => {
    const { claims } = await signedIn();
    await db.session.update({ where: { id: claims.sessionId }, data: { createdAt: new Date(Date.now() - 12 * 60 * MINUTE - MINUTE), lastSeenAt: new Date() } });
    expect(await viewerFromClaims(claims)).toBeNull();
  });

  it("end on sign-out, and a forged or borrowed session id does not count", async () => {
    const { claims } = await signedIn();
    const other = await signedIn();
    expect(await viewerFromClaims({ ...claims, sessionId: other.claims.sessionId })).toBeNull();
    expect(await viewerFromClaims({ ...claims, sessionId: "made-up" })).toBeNull();
    expect(await viewerFromClaims({ userId: claims.userId, sessionVersion: claims.sessionVersion })).toBeNull();
    await endSession(claims.sessionId);
    expect(await viewerFromClaims(claims)).toBeNull();
  });

  it("all end at once on sign-out everywhere or when the account is disabled", async () => {
    const { user, claims } = await signedIn();
    const second = { ...claims, sessionId: await startSession(user.id) };
    await signOutEverywhere(user);
    expect(await viewerFromClaims(claims)).toBeNull();
    expect(await viewerFromClaims(second)).toBeNull();
    expect(await db.session.count({ where: { userId: user.id, endedAt: null } })).toBe(0);
    expect(await db.auditEvent.count({ where: { entityId: user.id, action: "user.signed_out_everywhere" } })).toBe(1);

    const admin = (await signedIn("ADMIN")).user;
    const next = await signedIn();
    await setUserDisabled(admin, { id: next.user.id, disabled: "true" });
    expect(await viewerFromClaims(next.claims)).toBeNull();
  });
});
