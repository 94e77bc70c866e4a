import http from "node:http";
import type net from "node:net";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import type { z } from "zod";
import { auditListSchema, itemListSchema, itemSchema, problemSchema, releaseListSchema, releaseStatusSchema } from "../../lib/api/schemas";
import { verifySignature } from "../../lib/webhooks/signature";
import { failOnConsoleErrors, openAs, signIn, unique } from "./helpers";

// The automation API over real HTTP against the production build (F22): tokens made on the
// Integrations page, every endpoint's success checked against its schema, each refusal, a CI
// script marking an item done while its page is open, and webhooks to a receiver on loopback.

async function createToken(page: Page, name: string, scopes: string[], release = "All releases") {
  await page.goto("/integrations");
  const form = page.getByRole("form", { name: "New API token" });
  await form.getByLabel("Token name").fill(name);
  await form.getByLabel("Release", { exact: true }).selectOption({ label: release });
  for (const scope of ["read", "items:write", "evidence:write"]) {
    const box = form.getByRole("checkbox", { name: new RegExp(`^${scope}`) });
    if (scopes.includes(scope)) await box.check();
    else await box.uncheck();
  }
  await form.getByRole("button", { name: "Create token" }).click();
  const field = form.getByLabel("Your new token");
  await expect(field).toHaveValue(/^rr_/);
  return field.inputValue();
}

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

async function parsed<S extends z.ZodType>(response: Awaited<ReturnType<APIRequestContext["get"]>>, status: number, schema: S): Promise<z.infer<S>> {
  expect(response.status(), await response.text()).toBe(status);
  const isProblem = status >= 400;
  expect(response.headers()["content-type"]).toContain(isProblem ? "application/problem+json" : "application/json");
  const result = schema.safeParse(await response.json());
  expect(result.success, JSON.stringify(result.error?.issues)).toBe(true);
  return result.data as z.infer<S>;
}

/** The demo release "M9 Production Release & Go-Live" and its first open, non-blocking top-level item. */
async function pickItem(request: APIRequestContext, token: string) {
  const releases = await parsed(await request.get("/api/v1/releases?limit=200", { headers: auth(token) }), 200, releaseListSchema);
  const release = releases.data.find((entry) => entry.name.startsWith("M9 Production Release"))!;
  const items = await parsed(await request.get(`/api/v1/releases/${release.id}/items?limit=200`, { headers: auth(token) }), 200, itemListSchema);
  const item = items.data.find((entry) => entry.status === "TODO" && entry.parentId === null && entry.priority !== "BLOCKING" && !entry.key)!;
  return { release, item, releases };
}

test("a CI script marks an item done through the API, and the open item page shows it", async ({ page, request }) => {
  failOnConsoleErrors(page);
  await signIn(page, "manager@example.com");
  const token = await createToken(page, `CI pipeline ${unique()}`, ["read", "items:write", "evidence:write"]);
  const { release, item } = await pickItem(request, token);
  const key = `ci.e2e-${unique()}`;

  // The release manager marks the item as fed by automation, with the key CI will use.
  await page.goto(`/releases/${release.id}/items/${item.id}`);
  const edit = page.getByRole("region", { name: "Edit item" });
  await edit.getByLabel("Automation key").fill(key);
  await edit.getByLabel(/Fed by automation/).check();
  await edit.getByRole("button", { name: "Save item" }).click();
  await expect(page.getByText("Not reported by automation yet.")).toBeVisible();

  const found = await parsed(await request.get(`/api/v1/releases/${release.id}/items/${key}`, { headers: auth(token) }), 200, itemSchema);
  expect(found).toMatchObject({ id: item.id, key, isAutomated: true, status: "TODO" });

  // The script, while the page stays open.
  const updated = await parsed(
    await request.patch(`/api/v1/releases/${release.id}/items/${key}`, {
      headers: auth(token),
      data: { status: "DONE", evidenceUrl: "https://ci.example.com/builds/4242", evidenceLabel: "Build 4242", note: "185/185 tests passing" },
    }),
    200,
    itemSchema,
  );
  expect(updated).toMatchObject({ status: "DONE", automatedBy: expect.stringContaining("CI pipeline"), evidence: [{ url: "https://ci.example.com/builds/4242", label: "Build 4242" }] });
  await expect(page.getByTestId("automation")).toContainText("Last set by API token “CI pipeline", { timeout: 5_000 });
  await expect(page.getByRole("link", { name: "Build 4242" })).toBeVisible();
  await expect(page.getByText("185/185 tests passing")).toBeVisible();

  // A change by hand is allowed, and shown as an override.
  await page.getByRole("button", { name: `Reopen “${item.title}”` }).first().click();
  await expect(page.getByText("Overridden by hand")).toBeVisible();

  // Evidence alone, then the audit trail names the token.
  await parsed(await request.post(`/api/v1/releases/${release.id}/items/${item.id}/evidence`, { headers: auth(token), data: { url: "https://scanner.example.com/r/7", label: "Scan" } }), 201, itemSchema);
  const audit = await parsed(await request.get(`/api/v1/releases/${release.id}/audit?limit=200`, { headers: auth(token) }), 200, auditListSchema);
  const mine = audit.data.filter((event) => event.entityId === item.id && event.via?.includes("CI pipeline"));
  expect(mine.map((event) => event.action)).toEqual(expect.arrayContaining(["item.status_changed", "item.evidence_added", "item.note_added"]));

  const status = await parsed(await request.get(`/api/v1/releases/${release.id}`, { headers: auth(token) }), 200, releaseStatusSchema);
  expect(status.release.id).toBe(release.id);
  expect(status.score.threshold).toBeGreaterThan(0);
});

test("the API refuses bad tokens, scopes and bodies with problem+json, and changes nothing", async ({ page, request }) => {
  await signIn(page, "manager@example.com");
  const writer = await createToken(page, `writer ${unique()}`, ["read", "items:write"]);
  const reader = await createToken(page, `reader ${unique()}`, ["read"]);
  const { release, item, releases } = await pickItem(request, writer);
  const other = releases.data.find((entry) => entry.id !== release.id)!;
  const bound = await createToken(page, `bound ${unique()}`, ["read", "items:write"], `${other.name} ${other.version}`);
  const itemUrl = `/api/v1/releases/${release.id}/items/${item.id}`;
  const before = await parsed(await request.get(itemUrl, { headers: auth(writer) }), 200, itemSchema);

  const refusals: [string, () => ReturnType<APIRequestContext["get"]>, number][] = [
    ["no token", () => request.get("/api/v1/releases"), 401],
    ["an unknown token", () => request.get("/api/v1/releases", { headers: auth("rr_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA") }), 401],
    ["a malformed header", () => request.get("/api/v1/releases", { headers: { Authorization: "Basic dXNlcjpwYXNz" } }), 401],
    ["a read-only token writing", () => request.patch(itemUrl, { headers: auth(reader), data: { status: "DONE" } }), 403],
    ["a token bound to another release", () => request.get(`/api/v1/releases/${release.id}`, { headers: auth(bound) }), 404],
    ["a token bound to another release, writing", () => request.patch(itemUrl, { headers: auth(bound), data: { status: "DONE" } }), 404],
    ["a token bound to another release, reading history", () => request.get(`/api/v1/releases/${release.id}/audit`, { headers: auth(bound) }), 404],
    ["a token without evidence:write attaching evidence", () => request.post(`${itemUrl}/evidence`, { headers: auth(writer), data: { url: "https://ci.example.com/1" } }), 403],
    ["an unknown release", () => request.get("/api/v1/releases/no-such-release/items", { headers: auth(writer) }), 404],
    ["an unknown item", () => request.get(`/api/v1/releases/${release.id}/items/no-such-key`, { headers: auth(writer) }), 404],
    ["malformed JSON", () => request.patch(itemUrl, { headers: { ...auth(writer), "Content-Type": "application/json" }, data: "{status:" }), 400],
    ["an unknown field", () => request.patch(itemUrl, { headers: auth(writer), data: { status: "DONE", signerId: "x" } }), 400],
    ["a wrong type", () => request.patch(itemUrl, { headers: auth(writer), data: { status: 1 } }), 400],
    ["a status the API cannot set", () => request.patch(itemUrl, { headers: auth(writer), data: { status: "WAIVED" } }), 400],
    ["a javascript: evidence link", () => request.patch(itemUrl, { headers: auth(writer), data: { status: "DONE", evidenceUrl: "javascript:alert(1)" } }), 400],
    ["a body over 1 MB", () => request.patch(itemUrl, { headers: auth(writer), data: { status: "DONE", note: "x".repeat(1_100_000) } }), 413],
    ["a body that is not JSON", () => request.patch(itemUrl, { headers: { ...auth(writer), "Content-Type": "text/plain" }, data: "status=DONE" }), 415],
    ["a stale expectedVersion", () => request.patch(itemUrl, { headers: auth(writer), data: { status: "DONE", expectedVersion: before.version - 1 || 999 } }), 409],
    ["an invalid cursor", () => request.get("/api/v1/releases?cursor=%%%", { headers: auth(writer) }), 400],
    ["an invalid limit", () => request.get("/api/v1/releases?limit=0", { headers: auth(writer) }), 400],
  ];
  for (const [label, call, status] of refusals) {
    const response = await call();
    await test.step(`${label}: ${status}`, async () => {
      const body = await parsed(response, status, problemSchema);
      expect(body.status).toBe(status);
      expect(body.detail).not.toMatch(/prisma|stack|at \/|\.ts:|SELECT|token_hash/i);
    });
  }
  const after = await parsed(await request.get(itemUrl, { headers: auth(writer) }), 200, itemSchema);
  expect(after).toEqual(before);

  // Pages by cursor: every release once, in order.
  const seen: string[] = [];
  let cursor: string | null = null;
  do {
    const pageOf: z.infer<typeof releaseListSchema> = await parsed(await request.get(`/api/v1/releases?limit=2${cursor ? `&cursor=${cursor}` : ""}`, { headers: auth(writer) }), 200, releaseListSchema);
    seen.push(...pageOf.data.map((entry) => entry.id));
    cursor = pageOf.nextCursor;
  } while (cursor);
  expect(seen).toEqual(releases.data.map((entry) => entry.id));
  const boundList = await parsed(await request.get("/api/v1/releases", { headers: auth(bound) }), 200, releaseListSchema);
  expect(boundList.data.map((entry) => entry.id)).toEqual([other.id]);

  // A revoked token stops at once.
  await page.goto("/integrations");
  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: /^Revoke reader/ }).click();
  await expect(page.getByRole("button", { name: /^Revoke reader/ })).toHaveCount(0);
  await parsed(await request.get("/api/v1/releases", { headers: auth(reader) }), 401, problemSchema);

  // The document and the page for people.
  const openapi = await request.get("/api/v1/openapi.json");
  expect(openapi.status()).toBe(200);
  expect((await openapi.json()).openapi).toBe("3.1.0");
  await page.goto("/integrations/api");
  await expect(page.getByRole("heading", { name: "Release readiness automation API" })).toBeVisible();
  await expect(page.getByRole("heading", { name: /patch \/api\/v1\/releases\/\{releaseId\}\/items\/\{itemRef\}/i })).toBeVisible();
});

test("webhooks reach a receiver signed, are retried after a failure, and can be redelivered", async ({ page, request, browser }) => {
  const received: { headers: http.IncomingHttpHeaders; body: string }[] = [];
  const answers = [500];
  const server = http.createServer((incoming, response) => {
    let body = "";
    incoming.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    incoming.on("end", () => {
      received.push({ headers: incoming.headers, body });
      response.writeHead(answers.shift() ?? 204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const receiver = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}/releases`;
  try {
    const admin = await openAs(browser, "admin@example.com");
    await admin.goto("/integrations");
    const form = admin.getByRole("form", { name: "New webhook" });
    await form.getByLabel("Receiver URL").fill(receiver);
    await form.getByLabel("Release", { exact: true }).selectOption({ label: "All releases" });
    for (const event of ["signoff.recorded", "signoff.stale", "decision.recorded", "release.status_changed"]) await form.getByRole("checkbox", { name: new RegExp(`^${event.replace(".", "\\.")}`) }).uncheck();
    await form.getByRole("button", { name: "Add webhook" }).click();
    const secret = await form.getByLabel("Signing secret").inputValue();
    expect(secret).toMatch(/^whsec_/);

    await signIn(page, "manager@example.com");
    const token = await createToken(page, `hooks ${unique()}`, ["read", "items:write"]);
    const { release, item } = await pickItem(request, token);
    await parsed(await request.patch(`/api/v1/releases/${release.id}/items/${item.id}`, { headers: auth(token), data: { status: "IN_PROGRESS" } }), 200, itemSchema);

    // First answer 500, then the retry is accepted.
    await expect.poll(() => received.length, { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
    const [first, second] = received;
    expect(first!.headers["x-webhook-id"]).toBe(second!.headers["x-webhook-id"]);
    for (const delivery of [first!, second!]) expect(verifySignature(secret, delivery.headers["x-webhook-signature"] as string, delivery.body)).toBe(true);
    expect(JSON.parse(second!.body)).toMatchObject({ type: "item.status_changed", releaseId: release.id, data: { itemId: item.id, from: "TODO", to: "IN_PROGRESS" } });

    await admin.reload();
    const hook = admin.getByRole("region", { name: `Webhook ${receiver}` });
    await expect(hook.getByRole("row").filter({ hasText: "item.status_changed" }).first()).toContainText("delivered");
    await expect(hook.getByRole("row").filter({ hasText: "item.status_changed" }).first()).toContainText("2");
    await hook.getByRole("button", { name: /^Redeliver item\.status_changed/ }).first().click();
    await expect.poll(() => received.length, { timeout: 15_000 }).toBe(3);
    expect(received[2]!.headers["x-webhook-id"]).toBe(first!.headers["x-webhook-id"]);
    await admin.context().close();
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});
