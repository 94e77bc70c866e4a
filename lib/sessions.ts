import "server-only";
import { randomBytes } from "node:crypto";
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { Viewer } from "@/lib/permissions";

// Server-side sessions (F20). The signed cookie carries a session id; the row decides whether
// it still counts: ended on sign-out, idle for longer than SESSION_IDLE_MINUTES, or older than
// SESSION_MAX_AGE_HOURS. The user's session version (bumped by sign-out everywhere, a password
// change, a role change and disabling) still ends every session of the user at once.

const TOUCH_EVERY_MS = 60_000;

export async function startSession(userId: string): Promise<string> {
  const id = randomBytes(24).toString("base64url");
  await db.session.create({ data: { id, userId } });
  return id;
}

export async function endSession(id: string | undefined) {
  if (id) await db.session.updateMany({ where: { id, endedAt: null }, data: { endedAt: new Date() } });
}

export type SessionClaims = { userId?: string; sessionVersion?: number; sessionId?: string };

/** The user a session's claims stand for, if the session still counts; keeps it alive. */
export async function viewerFromClaims(claims: SessionClaims | null, now = new Date()): Promise<Viewer | null> {
  if (!claims?.userId || !claims.sessionId) return null;
  const session = await db.session.findUnique({
    where: { id: claims.sessionId },
    select: { userId: true, createdAt: true, lastSeenAt: true, endedAt: true, user: { select: { id: true, email: true, name: true, role: true, disabledAt: true, sessionVersion: true } } },
  });
  if (!session || session.endedAt || session.userId !== claims.userId) return null;
  const { SESSION_IDLE_MINUTES, SESSION_MAX_AGE_HOURS } = env();
  if (now.getTime() - session.lastSeenAt.getTime() > SESSION_IDLE_MINUTES * 60_000) return null;
  if (now.getTime() - session.createdAt.getTime() > SESSION_MAX_AGE_HOURS * 3_600_000) return null;
  const { user } = session;
  if (user.disabledAt || user.sessionVersion !== claims.sessionVersion) return null;
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.session.update({ where: { id: claims.sessionId }, data: { lastSeenAt: now } });
  }
  return { id: user.id, email: user.email, name: user.name, role: user.role, signedInAt: session.createdAt };
}

/** Ends every session of the viewer, on every device, at once; audited. */
export async function signOutEverywhere(viewer: Viewer) {
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: viewer.id }, data: { sessionVersion: { increment: 1 } } });
    const { count } = await tx.session.updateMany({ where: { userId: viewer.id, endedAt: null }, data: { endedAt: new Date() } });
    await recordAudit(tx, { actorId: viewer.id, action: "user.signed_out_everywhere", entityType: "user", entityId: viewer.id, after: { sessionsEnded: count } });
  });
}
