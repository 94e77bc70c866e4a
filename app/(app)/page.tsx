import type { Metadata } from "next";
import Link from "next/link";
import { PortfolioFilters } from "@/components/releases/portfolio-filters";
import { ReleaseTable } from "@/components/releases/release-table";
import { buttonClasses } from "@/components/ui/button";
import { Pager } from "@/components/ui/pager";
import { requireViewer } from "@/lib/auth";
import { can } from "@/lib/permissions";
import { portfolioHref } from "@/lib/releases/portfolio-url";
import { listOwnerCandidates, listReleases } from "@/lib/releases/queries";
import { portfolioQuerySchema } from "@/lib/releases/schemas";

export const metadata: Metadata = { title: "Releases" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function PortfolioPage({ searchParams }: Props) {
  const viewer = await requireViewer();
  const query = portfolioQuerySchema.parse(await searchParams);
  const [portfolio, owners] = await Promise.all([listReleases(query), listOwnerCandidates()]);
  const shown = portfolio.releases.length;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Releases</h1>
          <p className="text-sm text-slate-600 dark:text-slate-400" aria-live="polite">
            {portfolio.total} {portfolio.total === 1 ? "release" : "releases"}
            {query.archived ? ", archived included" : ""}
            {portfolio.pageCount > 1 ? ` · showing ${shown} on page ${portfolio.page}` : ""}
          </p>
        </div>
        {can(viewer, "release:create") ? (
          <div className="flex flex-wrap gap-2">
            <Link href="/releases/import" className={buttonClasses("secondary")}>Import from Markdown</Link>
            <Link href="/releases/new" className={buttonClasses("primary")}>New release</Link>
          </div>
        ) : null}
      </div>
      <PortfolioFilters query={query} owners={owners.map((owner) => ({ value: owner.id, label: owner.name }))} />
      <ReleaseTable releases={portfolio.releases} query={query} now={portfolio.now} />
      <Pager page={portfolio.page} pageCount={portfolio.pageCount} hrefFor={(page) => portfolioHref(query, { page })} label="Release pages" />
    </div>
  );
}
