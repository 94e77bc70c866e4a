"use client";

import clsx from "clsx";
import Link from "next/link";
import { ItemStatusBadge, PriorityBadge } from "@/components/checklist/badges";
import { StatusControl } from "@/components/checklist/status-control";
import { Badge } from "@/components/ui/badge";
import { MoveButtons } from "@/components/ui/move-buttons";
import { moveItemAction } from "@/lib/checklist/actions";
import type { ChecklistItem } from "@/lib/checklist/queries";
import { isOverdue } from "@/lib/checklist/rules";
import { formatDay } from "@/lib/format";

type Props = { item: ChecklistItem; releaseId: string; now: Date; canProgress: boolean; canEdit: boolean; isFirst: boolean; isLast: boolean };

export function ItemRow({ item, releaseId, now, canProgress, canEdit, isFirst, isLast }: Props) {
  const overdue = isOverdue(item, now);
  return (
    <li id={`item-${item.id}`} className="flex flex-wrap items-start gap-3 px-4 py-3 sm:flex-nowrap">
      <div className="shrink-0 pt-0.5">
        {canProgress && !item.managedBy ? (
          <StatusControl itemId={item.id} version={item.version} status={item.status} title={item.title} canChange />
        ) : (
          <ItemStatusBadge status={item.status} />
        )}
      </div>
      <div className="order-last min-w-0 basis-full sm:order-none sm:basis-auto sm:flex-1">
        <Link
          href={`/releases/${releaseId}/items/${item.id}`}
          className={clsx("font-medium [overflow-wrap:anywhere] hover:underline", item.status === "DONE" && "text-slate-500 line-through decoration-slate-400 dark:text-slate-400", item.status === "WAIVED" && "text-slate-500 dark:text-slate-400")}
        >
          {item.title}
        </Link>
        <div className="mt-1 flex flex-wrap items-center gap-1.5 text-xs text-slate-600 dark:text-slate-400">
          <PriorityBadge priority={item.priority} />
          {item.managedBy ? <Badge tone="info" symbol="↻">Follows the rollback plan</Badge> : null}
          {item.isAutomated ? <Badge tone={item.overriddenAt ? "warning" : "info"} symbol="⚙">{item.overriddenAt ? "Automated, overridden" : "Automated"}</Badge> : null}
          {canProgress ? <ItemStatusBadge status={item.status} /> : null}
          {item.category ? <Badge tone="neutral">{item.category.name}</Badge> : null}
          {item.assignee ? <span>· {item.assignee.name}</span> : item.ownerRole ? <span>· {item.ownerRole}</span> : null}
          {item.dueDate ? (
            <span className={clsx(overdue && "font-semibold text-red-700 dark:text-red-400")}>
              · {overdue ? "Overdue since " : "Due "}{formatDay(item.dueDate)}
            </span>
          ) : null}
          {item.subItemSummary.total > 0 ? <span>· {item.subItemSummary.done} of {item.subItemSummary.total} sub-items done</span> : null}
          {item._count.evidence > 0 ? <span>· {item._count.evidence} evidence</span> : null}
          {item.status === "WAIVED" && item.waiverReason ? <span>· Waived: {item.waiverReason}</span> : null}
        </div>
      </div>
      {canEdit ? (
        <div className="ml-auto flex shrink-0 gap-1 sm:ml-0">
          <MoveButtons action={moveItemAction} id={item.id} name={`“${item.title}”`} canMoveUp={!isFirst} canMoveDown={!isLast} anchor={`item-${item.id}`} />
        </div>
      ) : null}
    </li>
  );
}
