import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { apiOperations, openApiDocument } from "@/lib/api/openapi";
import { verifySignature, signatureHeader } from "@/lib/webhooks/signature";

// The OpenAPI document is the API's contract: every route file under app/api/v1 must be in it,
// with every method it exports, and every reference in it must resolve.

function routeFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((entry) => {
    const full = path.join(directory, entry);
    return statSync(full).isDirectory() ? routeFiles(full) : entry === "route.ts" ? [full] : [];
  });
}

const implemented = routeFiles("app/api/v1")
  .filter((file) => !file.includes("openapi.json"))
  .flatMap((file) => {
    const source = readFileSync(file, "utf8");
    const apiPath = `/${path.dirname(file).replace(/^app\//, "")}`.replace(/\[(\w+)\]/g, "{$1}");
    return [...source.matchAll(/export (?:const|async function|function) (GET|POST|PATCH|PUT|DELETE)\b/g)].map(([, method]) => `${method!.toLowerCase()} ${apiPath}`);
  });

describe("the OpenAPI document", () => {
  it("documents exactly the routes that exist", () => {
    expect(implemented.length).toBeGreaterThanOrEqual(7);
    expect(apiOperations.map((operation) => `${operation.method} ${operation.path}`).sort()).toEqual([...implemented].sort());
  });

  it("is OpenAPI 3.1 and every $ref resolves", () => {
    const document = openApiDocument();
    expect(document.openapi).toBe("3.1.0");
    const refs = [...JSON.stringify(document).matchAll(/"\$ref":"#\/components\/schemas\/(\w+)"/g)].map(([, name]) => name!);
    expect(refs.length).toBeGreaterThan(10);
    for (const name of refs) expect(document.components.schemas).toHaveProperty(name);
    for (const operation of Object.values(document.paths).flatMap((methods) => Object.values(methods)) as { responses: Record<string, unknown>; security: unknown[] }[]) {
      expect(operation.security).toEqual([{ bearerToken: [] }]);
      expect(Object.keys(operation.responses)).toContain("401");
    }
  });
});

describe("webhook signatures", () => {
  const body = JSON.stringify({ id: "e1", type: "item.status_changed" });
  const now = Date.UTC(2026, 11, 2, 12);
  const timestamp = Math.floor(now / 1000);

  it("verify with the secret, the body and a fresh timestamp only", () => {
    const header = signatureHeader("whsec_a", timestamp, body);
    expect(verifySignature("whsec_a", header, body, { now })).toBe(true);
    expect(verifySignature("whsec_b", header, body, { now })).toBe(false);
    expect(verifySignature("whsec_a", header, `${body}\n`, { now })).toBe(false);
    expect(verifySignature("whsec_a", header, body, { now: now + 301_000 })).toBe(false);
    expect(verifySignature("whsec_a", header.replace(`t=${timestamp}`, `t=${timestamp + 1}`), body, { now })).toBe(false);
    expect(verifySignature("whsec_a", null, body, { now })).toBe(false);
    expect(verifySignature("whsec_a", "t=1,v1=zz", body, { now })).toBe(false);
  });
});
