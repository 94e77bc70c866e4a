import Link from "next/link";

type Props = { page: number; pageCount: number; hrefFor: (page: number) => string; label: string };

/** Previous / next links with "page x of y"; the page lives in the URL. */
export function Pager({ page, pageCount, hrefFor, label }: Props) {
  if (pageCount <= 1) return null;
  const linkClasses = "rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800";
  return (
    <nav aria-label={label} className="flex items-center gap-3">
      {page > 1 ? <Link href={hrefFor(page - 1)} className={linkClasses} rel="prev">Previous</Link> : null}
      <span className="text-sm text-slate-600 dark:text-slate-400" aria-current="page">Page {page} of {pageCount}</span>
      {page < pageCount ? <Link href={hrefFor(page + 1)} className={linkClasses} rel="next">Next</Link> : null}
    </nav>
  );
}
