"use client";

import { useActionState } from "react";
import { LocalTime } from "@/components/ui/local-time";
import { idleState } from "@/lib/form";
import { openNotificationAction } from "@/lib/notifications/actions";

type Notification = { id: string; title: string; body: string; readAt: Date | null; createdAt: Date };

function Entry({ notification }: { notification: Notification }) {
  const [state, formAction, isPending] = useActionState(openNotificationAction, idleState);
  const isUnread = !notification.readAt;
  return (
    <li className="py-3">
      <form action={formAction}>
        <input type="hidden" name="id" value={notification.id} />
        <button type="submit" disabled={isPending} className="group block w-full text-left">
          <span className="flex items-baseline gap-2">
            {isUnread ? <span className="text-xs font-semibold text-sky-800 dark:text-sky-300">● New<span className="sr-only">:</span></span> : null}
            <span className={isUnread ? "font-semibold group-hover:underline" : "group-hover:underline"}>{notification.title}</span>
          </span>
          {notification.body ? <span className="block text-sm text-slate-600 dark:text-slate-400">{notification.body}</span> : null}
          <span className="block text-xs text-slate-500 dark:text-slate-400"><LocalTime date={notification.createdAt} /></span>
        </button>
        {state.status === "error" ? <p role="alert" className="text-xs text-red-700 dark:text-red-400">{state.message}</p> : null}
      </form>
    </li>
  );
}

/** The inbox: opening an entry marks it read and goes where it points. */
export function NotificationList({ notifications }: { notifications: Notification[] }) {
  if (notifications.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-400">Nothing here yet.</p>;
  return (
    <ul className="divide-y divide-slate-100 dark:divide-slate-800">
      {notifications.map((notification) => <Entry key={notification.id} notification={notification} />)}
    </ul>
  );
}
