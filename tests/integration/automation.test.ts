import http from "node:http";
import type net from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

// The automation API's core on a real PostgreSQL: tokens, automated status reports under the
// same rules as the UI, webhook events written with the change, and their delivery to a real
// receiver on loopback (signatures, retries with backoff, giving up, redelivery). Settings are
// read once, so they are set before the app's modules load.
process.env.WEBHOOK_RETRY_BASE_MS = "100";
process.env.WEBHOOK_MAX_ATTEMPTS = "3";
process.env.WEBHOOK_TIMEOUT_MS = "400";
process.env.API_RATE_LIMIT_PER_MINUTE = "5";
// The receiver is on loopback, which production refuses (see webhook-targets.test.ts).
process.env.WEBHOOK_ALLOW_PRIVATE_TARGETS = "true";

const { db } = await import("@/lib/db");
const { runVia } = await import("@/lib/api/context");
const { authenticateToken, createApiToken, hashToken, revokeApiToken } = await import("@/lib/api/tokens");
const { reportItemStatus } = await import("@/lib/checklist/automation-mutations");
const { setItemStatus } = await import("@/lib/checklist/item-status");
const { ForbiddenError } = await import("@/lib/errors");
const { runDueJobs } = await import("@/lib/jobs/worker");
const { jobHandlers } = await import("@/lib/jobs/handlers");
const { verifySignature } = await import("@/lib/webhooks/signature");
const { createWebhook, redeliver, toggleWebhook } = await import("@/lib/webhooks/mutations");
const { GET: getReleases } = await import("@/app/api/v1/releases/route");
const { countRows, createItem, createPhase, createRelease, createUser } = await import("../support/factories");

type Received = { headers: http.IncomingHttpHeaders; body: string };
let received: Received[] = [];
let answers: number[] = [];
let server: http.Server;
let receiverUrl = "";

beforeAll(async () => {
  server = http.createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    request.on("end", () => {
      received.push({ headers: request.headers, body });
      const status = answers.shift() ?? 200;
      if (status === 0) return; // never answer: the sender times out
      response.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}/hook`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs the job worker until nothing is due, waiting out retries scheduled within `ms`. */
async function drainJobs(ms = 1500) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    await runDueJobs(jobHandlers);
    const pending = await db.webhookDelivery.count({ where: { status: "PENDING" } });
    if (pending === 0) return;
    await sleep(50);
  }
}

async function setup() {
  const admin = await createUser("ADMIN");
  const manager = await createUser("RELEASE_MANAGER");
  const release = await createRelease(manager.id);
  const phase = await createPhase(release.id);
  const item = await createItem(phase, { priority: "BLOCKING", title: "All tests passing" });
  await db.item.update({ where: { id: item.id }, data: { automationKey: "ci.tests" } });
  return { admin, manager, release, phase, item };
}

describe("API tokens", () => {
  it("are shown once, stored as a hash, and stop working when revoked, expired or their creator is disabled", async () => {
    const { manager, release } = await setup();
    const { id, token } = await createApiToken(manager, { name: "CI", scopes: ["read", "items:write"], releaseId: release.id, expiresInDays: 30 });
    expect(token).toMatch(/^rr_[A-Za-z0-9_-]{43}$/);
    const stored = await db.apiToken.findUniqueOrThrow({ where: { id } });
    expect(stored.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(stored)).not.toContain(token);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: id, action: "api_token.created" } });
    expect(JSON.stringify([audit.before, audit.after])).not.toContain(token);

    const caller = await authenticateToken(`Bearer ${token}`);
    expect(caller).toMatchObject({ viewer: { id: manager.id, role: "RELEASE_MANAGER" }, token: { name: "CI", releaseId: release.id, scopes: ["read", "items:write"] } });
    expect(await authenticateToken(`Bearer ${token}x`)).toBeNull();
    expect(await authenticateToken(token)).toBeNull();
    expect(await authenticateToken(null)).toBeNull();

    await db.user.update({ where: { id: manager.id }, data: { disabledAt: new Date() } });
    expect(await authenticateToken(`Bearer ${token}`)).toBeNull();
    await db.user.update({ where: { id: manager.id }, data: { disabledAt: null } });

    await db.apiToken.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await authenticateToken(`Bearer ${token}`)).toBeNull();
    await db.apiToken.update({ where: { id }, data: { expiresAt: new Date(Date.now() + 86_400_000) } });

    const other = await createUser("RELEASE_MANAGER");
    await expect(revokeApiToken(other, { id })).rejects.toThrow(ForbiddenError);
    await revokeApiToken(manager, { id });
    expect(await authenticateToken(`Bearer ${token}`)).toBeNull();
  });

  it("are refused to viewers and approvers, with nothing written", async () => {
    const before = await countRows();
    const tokens = await db.apiToken.count();
    for (const role of ["VIEWER", "APPROVER"] as const) {
      const user = await createUser(role);
      await expect(createApiToken(user, { name: "mine", scopes: ["read"], releaseId: "", expiresInDays: 30 })).rejects.toThrow(ForbiddenError);
    }
    expect((await countRows()).audit).toBe(before.audit);
    expect(await db.apiToken.count()).toBe(tokens);
  });

  it("are rate limited per token, with Retry-After", async () => {
    const { manager } = await setup();
    const { token } = await createApiToken(manager, { name: "Busy", scopes: ["read"], releaseId: "", expiresInDays: 1 });
    const call = () => getReleases(new Request("http://localhost/api/v1/releases", { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve({}) });
    const statuses: number[] = [];
    for (let index = 0; index < 6; index += 1) statuses.push((await call()).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    const limited = await call();
    expect(limited.headers.get("content-type")).toBe("application/problem+json");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    const { token: second } = await createApiToken(manager, { name: "Other", scopes: ["read"], releaseId: "", expiresInDays: 1 });
    const fresh = await getReleases(new Request("http://localhost/api/v1/releases", { headers: { authorization: `Bearer ${second}` } }), { params: Promise.resolve({}) });
    expect(fresh.status).toBe(200);
  });
});

describe("automated status reports", () => {
  it("set the status with evidence and a note in one change, audited with the token's name, and mark the item automated", async () => {
    const { manager, item, release } = await setup();
    await runVia("API token “CI”", () => reportItemStatus(manager, { itemId: item.id, status: "DONE", evidenceUrl: "https://ci.example.com/build/42", evidenceLabel: "Build 42", note: "182/182 tests passed" }));
    const saved = await db.item.findUniqueOrThrow({ where: { id: item.id }, select: { status: true, isAutomated: true, automatedBy: true, automatedAt: true, completedAt: true, evidence: { select: { url: true, label: true } }, notes: { select: { body: true } } } });
    expect(saved).toMatchObject({ status: "DONE", isAutomated: true, automatedBy: "API token “CI”", evidence: [{ url: "https://ci.example.com/build/42", label: "Build 42" }], notes: [{ body: "182/182 tests passed" }] });
    expect(saved.completedAt).not.toBeNull();
    const audit = await db.auditEvent.findMany({ where: { releaseId: release.id, entityId: item.id }, orderBy: { id: "asc" }, select: { action: true, via: true, actorId: true } });
    expect(audit.map((event) => event.action)).toEqual(["item.status_changed", "item.evidence_added", "item.note_added"]);
    expect(audit.every((event) => event.via === "API token “CI”" && event.actorId === manager.id)).toBe(true);
    // A blocking item changed: earlier sign-offs are stale, exactly as when a person does it.
    expect(await db.blockingChange.count({ where: { releaseId: release.id } })).toBeGreaterThan(0);
  });

  it("refuses a bad evidence link and writes nothing at all", async () => {
    const { manager, item } = await setup();
    const before = await countRows();
    await expect(runVia("API token “CI”", () => reportItemStatus(manager, { itemId: item.id, status: "DONE", evidenceUrl: "javascript:alert(1)" }))).rejects.toThrow();
    await expect(runVia("API token “CI”", () => reportItemStatus(manager, { itemId: item.id, status: "DONE", signerId: manager.id }))).rejects.toThrow(/does not accept/);
    expect(await countRows()).toEqual(before);
    expect((await db.item.findUniqueOrThrow({ where: { id: item.id } })).status).toBe("TODO");
  });

  it("records a change by hand as an override, cleared by the next report", async () => {
    const { manager, item } = await setup();
    await runVia("API token “CI”", () => reportItemStatus(manager, { itemId: item.id, status: "DONE" }));
    const { version } = await db.item.findUniqueOrThrow({ where: { id: item.id } });
    await setItemStatus(manager, { id: item.id, version, status: "BLOCKED" });
    const overridden = await db.item.findUniqueOrThrow({ where: { id: item.id } });
    expect(overridden.overriddenAt).not.toBeNull();
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityId: item.id, action: "item.status_changed" }, orderBy: { id: "desc" } });
    expect(event).toMatchObject({ via: null, after: { status: "BLOCKED", override: true } });
    await runVia("API token “CI”", () => reportItemStatus(manager, { itemId: item.id, status: "DONE" }));
    expect((await db.item.findUniqueOrThrow({ where: { id: item.id } })).overriddenAt).toBeNull();
  });

  it("serialises concurrent reports and refuses a stale expectedVersion", async () => {
    const { manager, item } = await setup();
    const results = await Promise.allSettled(
      (["DONE", "BLOCKED", "IN_PROGRESS", "DONE", "TODO"] as const).map((status) => runVia("API token “CI”", () => reportItemStatus(manager, { itemId: item.id, status }))),
    );
    expect(results.every((result) => result.status === "fulfilled")).toBe(true);
    const saved = await db.item.findUniqueOrThrow({ where: { id: item.id } });
    expect(saved.version).toBe(item.version + 5);
    await expect(runVia("API token “CI”", () => reportItemStatus(manager, { itemId: item.id, status: "DONE", expectedVersion: item.version }))).rejects.toThrow(/changed/);
  });
});

describe("webhooks", () => {
  // Each test starts with no webhooks, so every delivery and answer belongs to it.
  beforeEach(async () => {
    await db.webhook.deleteMany();
    received = [];
    answers = [];
  });

  it("write one delivery per matching webhook with the change, and deliver them signed", async () => {
    received = [];
    const { admin, manager, item, release } = await setup();
    const elsewhere = await createRelease(manager.id);
    const global = await createWebhook(admin, { url: receiverUrl, events: ["item.status_changed"], releaseId: "" });
    await createWebhook(manager, { url: receiverUrl, events: ["decision.recorded"], releaseId: release.id });
    await createWebhook(manager, { url: receiverUrl, events: ["item.status_changed"], releaseId: elsewhere.id });
    await expect(createWebhook(manager, { url: receiverUrl, events: ["item.status_changed"], releaseId: "" })).rejects.toThrow(ForbiddenError);

    await runVia("API token “CI”", () => reportItemStatus(manager, { itemId: item.id, status: "DONE" }));
    const deliveries = await db.webhookDelivery.findMany({ select: { webhookId: true, eventType: true, status: true } });
    expect(deliveries).toEqual([{ webhookId: global.id, eventType: "item.status_changed", status: "PENDING" }]);

    await drainJobs();
    const signoffStale = received.filter((request) => request.headers["x-webhook-event"] === "signoff.stale");
    expect(signoffStale).toHaveLength(0);
    const [request] = received;
    expect(received).toHaveLength(1);
    expect(verifySignature(global.secret, request!.headers["x-webhook-signature"] as string, request!.body)).toBe(true);
    expect(verifySignature(global.secret, request!.headers["x-webhook-signature"] as string, `${request!.body} `)).toBe(false);
    expect(verifySignature("whsec_wrong", request!.headers["x-webhook-signature"] as string, request!.body)).toBe(false);
    const payload = JSON.parse(request!.body);
    expect(payload).toMatchObject({ id: request!.headers["x-webhook-id"], type: "item.status_changed", releaseId: release.id, data: { itemId: item.id, key: "ci.tests", from: "TODO", to: "DONE", via: "API token “CI”" } });
    expect(await db.webhookDelivery.findFirstOrThrow({ select: { status: true, lastStatusCode: true, attempts: true } })).toEqual({ status: "DELIVERED", lastStatusCode: 200, attempts: 1 });
  });

  it("retry after errors and timeouts, give up after the last attempt, and can be sent again with the same id", async () => {
    received = [];
    const { admin, manager, item } = await setup();
    const hook = await createWebhook(admin, { url: receiverUrl, events: ["item.status_changed"], releaseId: "" });

    answers = [500, 0, 200];
    await runVia("API token “CI”", () => reportItemStatus(manager, { itemId: item.id, status: "DONE" }));
    await drainJobs(3000);
    let delivery = await db.webhookDelivery.findFirstOrThrow({ where: { webhookId: hook.id } });
    expect(delivery).toMatchObject({ status: "DELIVERED", attempts: 3, lastStatusCode: 200 });
    expect(new Set(received.map((request) => request.headers["x-webhook-id"]))).toEqual(new Set([delivery.eventId]));

    received = [];
    answers = [503, 503, 503];
    await runVia("API token “CI”", () => reportItemStatus(manager, { itemId: item.id, status: "BLOCKED" }));
    await drainJobs(3000);
    delivery = await db.webhookDelivery.findFirstOrThrow({ where: { webhookId: hook.id, status: { not: "DELIVERED" } } });
    expect(delivery).toMatchObject({ status: "FAILED", attempts: 3, lastStatusCode: 503, lastError: "The receiver answered 503." });
    expect(received).toHaveLength(3);

    received = [];
    answers = [200];
    await expect(redeliver(manager, { deliveryId: delivery.id })).rejects.toThrow(/Only admins/);
    await redeliver(admin, { deliveryId: delivery.id });
    await drainJobs();
    expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).toMatchObject({ status: "DELIVERED", attempts: 4 });
    expect(received.map((request) => request.headers["x-webhook-id"])).toEqual([delivery.eventId]);
  });

  it("never block or undo the change when the receiver is down, and a paused webhook gets nothing", async () => {
    const { admin, manager, item } = await setup();
    const hook = await createWebhook(admin, { url: "http://127.0.0.1:9/unreachable", events: ["item.status_changed"], releaseId: "" });
    await runVia("API token “CI”", () => reportItemStatus(manager, { itemId: item.id, status: "DONE" }));
    expect((await db.item.findUniqueOrThrow({ where: { id: item.id } })).status).toBe("DONE");
    await drainJobs(3000);
    expect(await db.webhookDelivery.findFirstOrThrow({ where: { webhookId: hook.id } })).toMatchObject({ status: "FAILED", attempts: 3 });

    const { version } = await db.webhook.findUniqueOrThrow({ where: { id: hook.id } });
    await toggleWebhook(admin, { id: hook.id, version });
    await runVia("API token “CI”", () => reportItemStatus(manager, { itemId: item.id, status: "TODO" }));
    expect(await db.webhookDelivery.count({ where: { webhookId: hook.id } })).toBe(1);
  });
});
