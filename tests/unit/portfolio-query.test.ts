import { describe, expect, it } from "vitest";
import { portfolioHref } from "@/lib/releases/portfolio-url";
import { portfolioQuerySchema } from "@/lib/releases/schemas";

describe("the releases page's query string", () => {
  it("falls back to defaults for anything malformed", () => {
    expect(portfolioQuerySchema.parse({ sort: "drop table", dir: "sideways", page: "-3", status: "SHIPPED", q: "x".repeat(500) })).toEqual({
      sort: "target",
      dir: "asc",
      page: 1,
      status: undefined,
      q: undefined,
      owner: undefined,
      archived: undefined,
    });
  });

  it("round-trips through the URL, leaving defaults out", () => {
    const query = portfolioQuerySchema.parse({ q: "checkout", status: "IN_PROGRESS", sort: "name", dir: "desc", page: "3", archived: "1" });
    const href = portfolioHref(query);
    expect(href).toBe("/?q=checkout&status=IN_PROGRESS&sort=name&dir=desc&archived=1&page=3");
    const parsed = portfolioQuerySchema.parse(Object.fromEntries(new URLSearchParams(href.slice(2))));
    expect(parsed).toEqual(query);
    expect(portfolioHref(portfolioQuerySchema.parse({}))).toBe("/");
    expect(portfolioHref(query, { page: 1, sort: "target", dir: "asc" })).toBe("/?q=checkout&status=IN_PROGRESS&archived=1");
  });
});
