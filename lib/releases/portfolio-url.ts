import type { PortfolioQuery } from "@/lib/releases/schemas";

/** The releases page's URL for `query` with `changes` applied; defaults are left out. */
export function portfolioHref(query: PortfolioQuery, changes: Partial<PortfolioQuery> = {}): string {
  const next = { ...query, ...changes };
  const params = new URLSearchParams();
  if (next.q) params.set("q", next.q);
  if (next.status) params.set("status", next.status);
  if (next.owner) params.set("owner", next.owner);
  if (next.sort !== "target") params.set("sort", next.sort);
  if (next.dir !== "asc") params.set("dir", next.dir);
  if (next.archived) params.set("archived", "1");
  if (next.page > 1) params.set("page", String(next.page));
  const search = params.toString();
  return search ? `/?${search}` : "/";
}
