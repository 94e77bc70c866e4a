import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import type { ChecklistFilter } from "@/lib/checklist/schemas";
import { itemStatusLabels, priorityLabels, toOptions } from "@/lib/labels";

type Option = { value: string; label: string };
type Props = { releaseId: string; filter: ChecklistFilter; assignees: Option[]; categories: Option[] };

/** Filters live in the URL (a plain GET form), so a filtered checklist can be shared. */
export function ChecklistFilters({ releaseId, filter, assignees, categories }: Props) {
  const groups: { name: keyof ChecklistFilter; label: string; options: Option[] }[] = [
    { name: "status", label: "Status", options: toOptions(itemStatusLabels) },
    { name: "priority", label: "Priority", options: toOptions(priorityLabels) },
    { name: "assignee", label: "Assignee", options: assignees },
    { name: "category", label: "Category", options: categories },
  ];
  const isFiltered = Object.values(filter).some(Boolean);
  return (
    <form method="get" role="search" aria-label="Filter items" className="flex flex-wrap items-end gap-3">
      {groups.map((group) => (
        <label key={group.name} className="text-xs font-medium text-slate-600 dark:text-slate-300">
          {group.label}
          <select name={group.name} defaultValue={filter[group.name] ?? ""} className="filter-control">
            <option value="">Any</option>
            {group.options.map((option) => (
              <option key={option.value} value={option.value}>{option.label}</option>
            ))}
          </select>
        </label>
      ))}
      <button type="submit" className={buttonClasses("secondary")}>Apply filters</button>
      {isFiltered ? (
        <Link href={`/releases/${releaseId}/checklist`} className="text-sm text-sky-800 hover:underline dark:text-sky-300">Clear filters</Link>
      ) : null}
    </form>
  );
}
