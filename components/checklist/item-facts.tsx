import { ItemStatusBadge, PriorityBadge } from "@/components/checklist/badges";
import type { ItemDetail } from "@/lib/checklist/queries";
import { isOverdue } from "@/lib/checklist/rules";
import { formatDay } from "@/lib/format";

type Props = { item: ItemDetail; categoryName?: string; assigneeName?: string; now: Date };

export function ItemFacts({ item, categoryName, assigneeName, now }: Props) {
  const facts: [string, React.ReactNode][] = [
    ["Status", <ItemStatusBadge key="s" status={item.status} />],
    ["Priority", <PriorityBadge key="p" priority={item.priority} />],
    ["Category", categoryName ?? "None"],
    ["Assignee", assigneeName ?? "Unassigned"],
    ["Owner role", item.ownerRole || "Not set"],
    ["Due", item.dueDate ? `${formatDay(item.dueDate)}${isOverdue(item, now) ? " (overdue)" : ""}` : "No due date"],
    ["Estimate", item.estimateMinutes !== null ? `${item.estimateMinutes} minutes` : "Not estimated"],
    ["Last changed by", item.lastChangedBy?.name ?? "Nobody yet"],
  ];
  if (item.status === "WAIVED") {
    facts.push(["Waiver", `${item.waiverReason ?? ""}${item.waiverExpiresAt ? ` (until ${formatDay(item.waiverExpiresAt)})` : ""}`]);
  }
  return (
    <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
      {facts.map(([label, value]) => (
        <div key={label} className="flex gap-2">
          <dt className="w-32 shrink-0 text-slate-500 dark:text-slate-400">{label}</dt>
          <dd className="min-w-0">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
