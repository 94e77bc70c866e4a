import "server-only";
import type { Tx } from "@/lib/db";
import { env } from "@/lib/env";
import type { NotificationKind } from "@/lib/generated/prisma/enums";
import { enqueueJobs } from "@/lib/jobs/queue";
import { isMailEnabled } from "@/lib/notifications/mail";

// Notifications (F24), written in the transaction of the change that causes them: an inbox
// entry for each person, and an e-mail job when SMTP is configured. A dedupe key per cause and
// person keeps the same news from arriving twice.

export type NewNotification = {
  userIds: readonly string[];
  kind: NotificationKind;
  releaseId: string | null;
  title: string;
  body?: string;
  link: string;
  dedupeKey: string;
};

function absolute(link: string) {
  const base = env().NEXTAUTH_URL ?? "http://localhost:3000";
  return new URL(link, base).toString();
}

export async function notify(tx: Tx, notification: NewNotification, actorId?: string | null) {
  const userIds = [...new Set(notification.userIds)].filter((id) => id !== actorId);
  if (userIds.length === 0) return;
  const { userIds: _ids, ...fields } = notification;
  await tx.notification.createMany({
    data: userIds.map((userId) => ({ ...fields, body: fields.body ?? "", userId })),
    skipDuplicates: true,
  });
  if (!isMailEnabled()) return;
  const recipients = await tx.user.findMany({ where: { id: { in: userIds }, disabledAt: null }, select: { id: true, email: true } });
  await enqueueJobs(
    tx,
    recipients.map((user) => {
      const key = `mail:${user.id}:${notification.dedupeKey}`;
      return {
        kind: "email.send",
        idempotencyKey: key,
        payload: {
          to: user.email,
          subject: notification.title,
          text: `${notification.title}\n\n${notification.body ? `${notification.body}\n\n` : ""}${absolute(notification.link)}\n\n-- \nRelease readiness`,
          messageId: `<${Buffer.from(key).toString("base64url")}@release-readiness>`,
        },
      };
    }),
  );
}
