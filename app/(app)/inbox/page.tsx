import type { Metadata } from "next";
import { NotificationList } from "@/components/notifications/notification-list";
import { Card } from "@/components/ui/card";
import { InlineAction } from "@/components/ui/inline-action";
import { requireViewer } from "@/lib/auth";
import { markAllReadAction } from "@/lib/notifications/actions";
import { countUnread, listNotifications } from "@/lib/notifications/queries";

export const metadata: Metadata = { title: "Inbox" };

export default async function InboxPage() {
  const viewer = await requireViewer();
  const [notifications, unread] = await Promise.all([listNotifications(viewer.id), countUnread(viewer.id)]);
  return (
    <div className="max-w-3xl space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Inbox</h1>
          <p className="text-sm text-slate-600 dark:text-slate-400">{unread === 0 ? "All read." : `${unread} unread`}</p>
        </div>
        {unread > 0 ? <InlineAction action={markAllReadAction} fields={{}} label="Mark all as read" /> : null}
      </div>
      <Card title="Notifications" id="notifications">
        <NotificationList notifications={notifications} />
      </Card>
    </div>
  );
}
