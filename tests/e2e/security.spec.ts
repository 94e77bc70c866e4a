import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { failOnConsoleErrors, signIn } from "./helpers";

// The headers every answer carries, the per-request script nonce, server actions refused from
// other sites, and the health checks an operator's balancer calls.

test("pages carry a nonce-based Content-Security-Policy and the security headers, and still run", async ({ page }) => {
  failOnConsoleErrors(page);
  const response = await page.goto("/sign-in");
  const headers = response!.headers();
  const nonce = /'nonce-([^']+)'/.exec(headers["content-security-policy"] ?? "")?.[1];
  expect(nonce).toBeTruthy();
  expect(headers["content-security-policy"]).toContain("object-src 'none'");
  expect(headers["content-security-policy"]).not.toMatch(/script-src[^;]*unsafe-inline/);
  expect(headers).toMatchObject({ "x-content-type-options": "nosniff", "referrer-policy": "same-origin", "x-frame-options": "DENY" });
  expect(headers["strict-transport-security"]).toMatch(/max-age=/);
  expect(headers["x-powered-by"]).toBeUndefined();
  expect(headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  // Every script Next wrote into the page carries this request's nonce.
  const nonces = await page.locator("script").evaluateAll((scripts) => scripts.map((script) => (script as HTMLScriptElement).nonce));
  expect(nonces.length).toBeGreaterThan(0);
  expect(new Set(nonces)).toEqual(new Set([nonce]));
  const again = await page.request.get("/sign-in");
  expect(again.headers()["content-security-policy"]).not.toContain(nonce!);
  // The page is alive: signing in works under the policy.
  await signIn(page, "viewer@example.com");
  const signedIn = await page.request.get("/");
  expect(signedIn.headers()["cache-control"]).toContain("no-store");
});

test("server actions from another site, or with no origin, are refused", async ({ request }) => {
  for (const origin of ["https://evil.example", "null", undefined]) {
    const response = await request.post("/releases/new", {
      headers: { "Next-Action": "0123456789abcdef", "Content-Type": "text/plain;charset=UTF-8", ...(origin ? { Origin: origin } : {}) },
      data: "[]",
    });
    expect(response.status(), `origin ${origin}`).toBe(403);
  }
  const crossSite = await request.post("/releases/new", { headers: { "Next-Action": "0123456789abcdef", Origin: "http://localhost:3100", "Sec-Fetch-Site": "cross-site" }, data: "[]" });
  expect(crossSite.status()).toBe(403);
});

test("addresses holding NUL characters or broken escapes are refused before any page runs", async ({ request }) => {
  for (const path of ["/releases/%00", "/releases/abc%00def/checklist", "/?q=%00", "/releases/%E0%A4%A"]) {
    expect((await request.get(path, { maxRedirects: 0 })).status(), path).toBe(400);
  }
});

test("health checks answer for the process and for the database", async ({ request }) => {
  const live = await request.get("/api/health/live");
  expect(live.status()).toBe(200);
  expect(await live.json()).toEqual({ status: "ok" });
  const ready = await request.get("/api/health/ready");
  expect(ready.status()).toBe(200);
  expect(await ready.json()).toMatchObject({ status: "ok", database: { status: "ok" } });
});

test("metrics need the metrics token and report API requests and queue depths", async ({ request }) => {
  expect((await request.get("/api/metrics")).status()).toBe(401);
  expect((await request.get("/api/metrics", { headers: { Authorization: "Bearer wrong-token-wrong-token-wrong" } })).status()).toBe(401);
  await request.get("/api/health/ready");
  await request.get("/api/v1/releases");
  const response = await request.get("/api/metrics", { headers: { Authorization: "Bearer e2e-metrics-token-0123456789abcdef" } });
  expect(response.status()).toBe(200);
  const text = await response.text();
  expect(text).toMatch(/rr_http_requests_total\{route="\/api\/health\/ready",method="GET",status="200"\} \d+/);
  expect(text).toMatch(/rr_http_requests_total\{route="\/api\/v1\/releases",method="GET",status="401"\} \d+/);
  expect(text).toContain("rr_http_request_duration_seconds_bucket");
  expect(text).toMatch(/rr_job_queue_depth\{status="[A-Z]+"\} \d+/);
  expect(text).toContain("rr_live_streams_open");
  expect(text).toMatch(/rr_query_plans\{kind="hits"\} \d+/);
});

test("a scrape answered by any server process counts the requests of all of them", async ({ request }) => {
  const scrape = async () => {
    const response = await request.get("/api/metrics", { headers: { Authorization: "Bearer e2e-metrics-token-0123456789abcdef", Connection: "close" } });
    expect(response.status()).toBe(200);
    return response.text();
  };
  const refused = (text: string) => Number(/rr_http_requests_total\{route="\/api\/v1\/releases\/\{releaseId\}",method="GET",status="401"\} (\d+)/.exec(text)?.[1] ?? 0);
  const before = await scrape();
  expect(before).toMatch(/^rr_server_processes 2$/m); // playwright.config.ts serves with WEB_CONCURRENCY=2
  // A new connection each time, so that the requests are shared between the processes.
  for (let index = 0; index < 8; index += 1) {
    expect((await request.get("/api/v1/releases/some-release", { headers: { Connection: "close" } })).status()).toBe(401);
  }
  expect(refused(await scrape()) - refused(before)).toBe(8);
});

test("text typed into the app is shown as text everywhere, never run", async ({ page }) => {
  failOnConsoleErrors(page);
  await signIn(page, "manager@example.com");
  const name = `<img src=x onerror="window.__xss=1"> ${Date.now()}`;
  await page.getByRole("link", { name: "New release" }).click();
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Version").fill("<script>window.__xss=2</script>");
  await page.getByLabel("Target date").fill("2030-06-30");
  await page.getByRole("button", { name: "Create release" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(name);
  const releaseUrl = page.url();
  await page.getByRole("link", { name: "Checklist", exact: true }).click();
  await page.getByLabel("Phase name").fill('"><svg onload="window.__xss=3">');
  await page.getByRole("button", { name: "Add phase" }).click();
  const phase = page.getByRole("region", { name: '"><svg onload="window.__xss=3">' });
  await phase.getByText(/^Add an item to/).click();
  await phase.getByLabel("Title").fill("[click](javascript:window.__xss=4) <b>bold</b>");
  await phase.getByRole("button", { name: "Add item" }).click();
  await expect(phase.getByRole("link", { name: "[click](javascript:window.__xss=4) <b>bold</b>" })).toBeVisible();

  for (const path of ["", "/checklist", "/status", "/history", "/signoffs"]) {
    await page.goto(`${releaseUrl}${path}`);
    await expect(page.getByText(name).first()).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss), path || "overview").toBeUndefined();
    expect(await page.locator("img[src=x], svg[onload]").count()).toBe(0);
  }
  await page.goto("/");
  await expect(page.getByText(name).first()).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();

  const markdown = await (await page.request.get(`${releaseUrl}/export.md`)).text();
  expect(markdown).toContain("\\<img src=x onerror=\"window.\\_\\_xss=1\"\\>");
  expect(markdown).toContain("\\[click\\](javascript:window.\\_\\_xss=4) \\<b\\>bold\\</b\\>");
});

test("the session cookie is HttpOnly and SameSite=Lax, and sign-out everywhere ends every session at once", async ({ browser }) => {
  const first = await browser.newContext();
  const second = await browser.newContext();
  const [here, there] = [await first.newPage(), await second.newPage()];
  await signIn(here, "approver@example.com");
  await signIn(there, "approver@example.com");
  const [cookie] = (await first.cookies()).filter((entry) => entry.name.includes("session-token"));
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax" });

  await here.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(here).toHaveURL(/\/sign-in/);
  await there.goto("/my-work");
  await expect(there).toHaveURL(/\/sign-in/);
  await expect(there.getByLabel("E-mail")).toBeVisible();
  await first.close();
  await second.close();
});

test("the production build ships no test-only package", async () => {
  // Next traces the files the server loads at run time into .nft.json files, and the source
  // maps of its chunks name every module bundled into them.
  const shipped = new Set<string>();
  const addPackage = (file: string) => {
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
    if (match) shipped.add(match[1]!);
  };
  const walk = (directory: string) => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const full = path.join(directory, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith(".nft.json")) (JSON.parse(readFileSync(full, "utf8")) as { files: string[] }).files.forEach(addPackage);
      else if (entry.name.endsWith(".js.map")) ((JSON.parse(readFileSync(full, "utf8")) as { sources?: string[] }).sources ?? []).forEach(addPackage);
    }
  };
  walk(".next");
  // The check sees real dependencies, traced (pg) and bundled (zod).
  expect(shipped).toContain("pg");
  expect(shipped).toContain("zod");
  const { devDependencies } = JSON.parse(readFileSync("package.json", "utf8")) as { devDependencies: Record<string, string> };
  expect(Object.keys(devDependencies).filter((name) => shipped.has(name))).toEqual([]);
});
