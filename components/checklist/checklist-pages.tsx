import Link from "next/link";
import { Pager } from "@/components/ui/pager";
import { CHECKLIST_PAGE_SIZE } from "@/lib/checklist/paging";
import type { ChecklistView } from "@/lib/checklist/queries";

type Props = {
  paging: ChecklistView["paging"];
  phases: ChecklistView["phases"];
  hrefFor: (page: number, hash?: string) => string;
};

/** Where a large checklist's items are: the pages, and the page each phase starts on. */
export function ChecklistPages({ paging, phases, hrefFor }: Props) {
  const first = paging.offset + 1;
  const last = Math.min(paging.offset + CHECKLIST_PAGE_SIZE, paging.total);
  return (
    <section aria-labelledby="checklist-pages" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="checklist-pages" className="text-sm font-medium">
          Items {first.toLocaleString("en")}–{last.toLocaleString("en")} of {paging.total.toLocaleString("en")}
        </h2>
        <Pager page={paging.page} pageCount={paging.pageCount} hrefFor={hrefFor} label="Checklist pages" />
      </div>
      <details>
        <summary className="cursor-pointer text-sm font-medium text-sky-800 dark:text-sky-300">Go to a phase</summary>
        <ul className="mt-2 grid gap-1 text-sm sm:grid-cols-2 lg:grid-cols-3">
          {phases.map((phase) => (
            <li key={phase.id} className="min-w-0 truncate">
              {phase.firstPage ? (
                <Link href={hrefFor(phase.firstPage, `#phase-${phase.id}`)} className="hover:underline">
                  {phase.name}
                </Link>
              ) : (
                <span className="text-slate-500 dark:text-slate-400">{phase.name}</span>
              )}{" "}
              <span className="text-slate-500 dark:text-slate-400">· {phase.matching} {phase.matching === 1 ? "item" : "items"}{phase.firstPage ? `, page ${phase.firstPage}` : ""}</span>
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}
