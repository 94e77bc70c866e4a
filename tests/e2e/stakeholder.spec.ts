import { expect, test } from "@playwright/test";
import { failOnConsoleErrors, signIn } from "./helpers";

test("a stakeholder opens a share link with no account, and it stops working once revoked", async ({ page, browser }) => {
  failOnConsoleErrors(page);
  await signIn(page, "manager@example.com");
  await page.getByRole("link", { name: /Epic 9 Production Go-Live/ }).click();
  await page.getByRole("link", { name: "Stakeholder view" }).click();
  await page.getByLabel("Who the link is for").fill("Steering committee");
  await page.getByRole("button", { name: "Create share link" }).click();
  await expect(page.getByText("Copy it now: it is shown only once.")).toBeVisible();
  const link = await page.getByLabel("New link").inputValue();
  expect(link).toMatch(/\/share\/[A-Za-z0-9_-]{43}$/);

  const stranger = await (await browser.newContext()).newPage();
  failOnConsoleErrors(stranger);
  await stranger.goto(link);
  await expect(stranger.getByRole("heading", { level: 1, name: /Epic 9 Production Go-Live/ })).toBeVisible();
  await expect(stranger.getByText("Decision: GO")).toBeVisible();
  await expect(stranger.getByRole("list", { name: "Go/no-go criteria" })).toContainText("4 of 4 roles approved");
  await expect(stranger.getByRole("table", { name: /Required sign-offs/ })).toContainText("Sasha Security");
  // Read-only: no form, no field, and no e-mail address anywhere on the page.
  await expect(stranger.locator("form, input, textarea, select")).toHaveCount(0);
  expect(await stranger.content()).not.toMatch(/@example\.com/);
  await expect(stranger.getByRole("link", { name: "Sign out" })).toHaveCount(0);

  // Invalid links answer "not found", which the browser logs as a console error: check them on a page of their own.
  const prober = await (await browser.newContext()).newPage();
  const tampered = link.replace(/.$/, (last) => (last === "A" ? "B" : "A"));
  await prober.goto(tampered);
  await expect(prober.getByRole("heading", { name: "This link is no longer valid" })).toBeVisible();

  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: "Revoke the link for Steering committee" }).first().click();
  await expect(page.getByRole("button", { name: "Revoke the link for Steering committee" })).toHaveCount(0);
  await prober.goto(link);
  await expect(prober.getByRole("heading", { name: "This link is no longer valid" })).toBeVisible();
  await expect(prober.getByText("Decision: GO")).toHaveCount(0);
});

test("the decision record exports as Markdown with its content hash", async ({ page }) => {
  await signIn(page, "viewer@example.com");
  await page.getByRole("link", { name: /Epic 9 Production Go-Live/ }).click();
  await page.getByRole("link", { name: "decision record" }).click();
  await expect(page.getByText("✓ The stored record matches its hash.")).toBeVisible();
  const hash = (await page.locator("code").first().textContent())!.trim();
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download Markdown" }).click();
  const file = await (await download).path();
  const { readFile } = await import("node:fs/promises");
  const markdown = await readFile(file, "utf8");
  expect(markdown).toContain("# Go/no-go decision: Epic 9 Production Go-Live v9.8.0");
  expect(markdown).toContain(`\`${hash}\``);
  const json = markdown.split("```json\n")[1]!.split("\n```")[0]!;
  const { createHash } = await import("node:crypto");
  expect(createHash("sha256").update(json, "utf8").digest("hex")).toBe(hash);
});
