import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { parseInput } from "@/lib/form";
import type { Viewer } from "@/lib/permissions";
import { idField } from "@/lib/schemas";

// Read state is the reader's own, not a change to any release: it is not audited.

const markReadSchema = z.strictObject({ id: idField });

/** Marks one of the viewer's notifications read; returns where it points. */
export async function markNotificationRead(viewer: Viewer, raw: unknown) {
  const { id } = parseInput(markReadSchema, raw);
  const notification = await db.notification.findFirst({ where: { id, userId: viewer.id }, select: { link: true, readAt: true } });
  if (!notification) throw new NotFoundError("That notification does not exist.");
  if (!notification.readAt) await db.notification.update({ where: { id }, data: { readAt: new Date() } });
  return { id, link: notification.link };
}

export async function markAllNotificationsRead(viewer: Viewer) {
  const { count } = await db.notification.updateMany({ where: { userId: viewer.id, readAt: null }, data: { readAt: new Date() } });
  return { count };
}
