import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, refuseForeignAction, securityHeaders } from "@/lib/security-headers";

describe("the Content-Security-Policy", () => {
  const policy = contentSecurityPolicy("abc123");
  const directive = (name: string) => policy.split("; ").find((entry) => entry.startsWith(`${name} `));

  it("allows scripts only with the request's nonce, never inline or eval in production", () => {
    expect(directive("script-src")).toBe("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(directive("script-src")).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(contentSecurityPolicy("n", { isDev: true })).toContain("'unsafe-eval'");
  });

  it("forbids plugins, base changes and framing", () => {
    expect(directive("object-src")).toBe("object-src 'none'");
    expect(directive("base-uri")).toBe("base-uri 'none'");
    expect(directive("frame-ancestors")).toBe("frame-ancestors 'none'");
    expect(securityHeaders).toMatchObject({ "X-Content-Type-Options": "nosniff", "Referrer-Policy": "same-origin" });
    expect(securityHeaders["Strict-Transport-Security"]).toMatch(/^max-age=\d{8,}/);
  });
});

describe("server actions from other sites", () => {
  const headers = (entries: Record<string, string>) => new Headers(entries);
  it.each([
    [{}, "The request has no origin."],
    [{ origin: "null" }, "The request has no origin."],
    [{ origin: "https://evil.example" }, "The request comes from another site."],
    [{ origin: "http://localhost:3000", "sec-fetch-site": "cross-site" }, "The request comes from another site."],
    [{ origin: "not a url" }, "The request's origin is not a URL."],
  ])("refuses %o", (entries, reason) => {
    expect(refuseForeignAction(headers(entries), "localhost:3000")).toBe(reason);
  });

  it("accepts this site", () => {
    expect(refuseForeignAction(headers({ origin: "http://localhost:3000", "sec-fetch-site": "same-origin" }), "localhost:3000")).toBeNull();
  });
});
