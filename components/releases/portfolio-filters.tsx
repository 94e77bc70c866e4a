import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { releaseStatusLabels, toOptions } from "@/lib/labels";
import type { PortfolioQuery } from "@/lib/releases/schemas";

type Props = { query: PortfolioQuery; owners: { value: string; label: string }[] };

/** Search and filters as a plain GET form: a filtered view is a URL that can be shared. */
export function PortfolioFilters({ query, owners }: Props) {
  const isFiltered = Boolean(query.q || query.status || query.owner || query.archived);
  return (
    <form method="get" role="search" aria-label="Find releases" className="flex flex-wrap items-end gap-3">
      <label className="text-xs font-medium text-slate-600 dark:text-slate-300">
        Search
        <input type="search" name="q" defaultValue={query.q ?? ""} placeholder="Name or version" maxLength={100} className="filter-control w-56" />
      </label>
      <label className="text-xs font-medium text-slate-600 dark:text-slate-300">
        Status
        <select name="status" defaultValue={query.status ?? ""} className="filter-control">
          <option value="">Any</option>
          {toOptions(releaseStatusLabels).map((option) => <option key={option.value} value={option.value}>{option.label}</option>)}
        </select>
      </label>
      <label className="text-xs font-medium text-slate-600 dark:text-slate-300">
        Owner
        <select name="owner" defaultValue={query.owner ?? ""} className="filter-control">
          <option value="">Anyone</option>
          {owners.map((owner) => <option key={owner.value} value={owner.value}>{owner.label}</option>)}
        </select>
      </label>
      <label className="flex items-center gap-2 pb-1.5 text-sm">
        <input type="checkbox" name="archived" value="1" defaultChecked={Boolean(query.archived)} className="size-4 accent-sky-700" />
        Include archived
      </label>
      {query.sort !== "target" ? <input type="hidden" name="sort" value={query.sort} /> : null}
      {query.dir !== "asc" ? <input type="hidden" name="dir" value={query.dir} /> : null}
      <button type="submit" className={buttonClasses("secondary")}>Apply</button>
      {isFiltered ? <Link href="/" className="pb-1.5 text-sm text-sky-800 hover:underline dark:text-sky-300">Clear</Link> : null}
    </form>
  );
}
