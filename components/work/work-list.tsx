import Link from "next/link";
import { ItemStatusBadge, PriorityBadge } from "@/components/checklist/badges";
import { StandingBadge } from "@/components/readiness/badges";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { describeDaysUntil, formatDay } from "@/lib/format";
import type { MyWork } from "@/lib/work/queries";

const linkClasses = "font-medium text-sky-800 hover:underline dark:text-sky-300";

function Due({ date, isOverdue, now, label = "due" }: { date: Date | null; isOverdue: boolean; now: Date; label?: string }) {
  if (!date) return <span className="text-slate-500 dark:text-slate-400">no due date</span>;
  return isOverdue ? (
    <Badge tone="danger" symbol="!">Overdue: {label} {formatDay(date)}</Badge>
  ) : (
    <span className="text-slate-600 dark:text-slate-400">{label} {formatDay(date)} ({describeDaysUntil(date, now)})</span>
  );
}

function Empty({ children }: { children: React.ReactNode }) {
  return <p className="text-sm text-slate-600 dark:text-slate-400">{children}</p>;
}

/** What waits for the viewer: each entry one click from where they act on it, overdue first. */
export function WorkList({ work, now }: { work: MyWork; now: Date }) {
  return (
    <div className="space-y-6">
      <Card title={`Sign-offs waiting for you (${work.signoffs.length})`} id="my-signoffs">
        {work.signoffs.length === 0 ? <Empty>No sign-off waits for you.</Empty> : (
          <ul className="divide-y divide-slate-100 dark:divide-slate-800">
            {work.signoffs.map((signoff) => (
              <li key={signoff.roleId} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2 text-sm">
                <Link href={`/releases/${signoff.release.id}/signoffs#role-${signoff.roleId}`} className={linkClasses}>
                  Sign as {signoff.roleName}
                </Link>
                <span>{signoff.release.name} {signoff.release.versionName}</span>
                <StandingBadge standing={signoff.standing} />
                <Due date={signoff.dueDate} isOverdue={signoff.isOverdue} now={now} label="target" />
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card title={`Conditions you own (${work.conditions.length})`} id="my-conditions">
        {work.conditions.length === 0 ? <Empty>No open condition is yours.</Empty> : (
          <ul className="divide-y divide-slate-100 dark:divide-slate-800">
            {work.conditions.map((condition) => (
              <li key={condition.id} className="space-y-1 py-2 text-sm">
                <Link href={`/releases/${condition.signoff.releaseId}/signoffs`} className={linkClasses}>{condition.description}</Link>
                <p className="flex flex-wrap items-center gap-x-3 text-xs">
                  <span>
                    {condition.signoff.release.name} {condition.signoff.release.versionName} · {condition.signoff.requiredSignoff.roleName}, set by {condition.signoff.signer.name}
                  </span>
                  <Due date={condition.dueDate} isOverdue={condition.isOverdue} now={now} />
                </p>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card title={`Items assigned to you (${work.items.length})`} id="my-items">
        {work.items.length === 0 ? <Empty>No open item is assigned to you.</Empty> : (
          <ul className="divide-y divide-slate-100 dark:divide-slate-800">
            {work.items.map((item) => (
              <li key={item.id} className="space-y-1 py-2 text-sm">
                <Link href={`/releases/${item.release.id}/items/${item.id}`} className={linkClasses}>{item.title}</Link>
                <p className="flex flex-wrap items-center gap-2 text-xs">
                  <span>{item.release.name} {item.release.versionName}</span>
                  <ItemStatusBadge status={item.status} />
                  <PriorityBadge priority={item.priority} />
                  <Due date={item.dueDate} isOverdue={item.isOverdue} now={now} />
                </p>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
