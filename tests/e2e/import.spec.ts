import { expect, test } from "@playwright/test";
import { failOnConsoleErrors, openAs, signIn, unique } from "./helpers";

// F3 and F4 in the browser: a plan written in Markdown comes in through a preview, a release
// starts from a built-in template, and a release goes out again as Markdown.

test("a release manager uploads a seed plan, reads the preview, confirms and lands on the new release", async ({ page }) => {
  failOnConsoleErrors(page);
  await signIn(page, "manager@example.com");
  await page.getByRole("link", { name: "Import from Markdown" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Import a release plan" })).toBeVisible();

  await page.getByLabel("Upload a Markdown file").setInputFiles("prisma/demo/seeds/002_a8e68d85b7f949a8.txt");
  await page.getByRole("button", { name: "Preview" }).click();

  const summary = page.getByRole("definition").filter({ hasText: /^\d+$/ });
  await expect(page.getByRole("heading", { name: "Preview of 002_a8e68d85b7f949a8.txt" })).toBeVisible();
  await expect(summary).toHaveText(["7", "67", "0", "3", "0", "0"]);
  const notes = page.getByRole("region", { name: /Check these before importing/ });
  await expect(notes).toContainText("Repaired");
  await expect(notes).toContainText("(line");
  await expect(page.getByRole("group").filter({ hasText: "Day 1: Security Scanning & Setup" }).getByRole("cell", { name: "Set up backup systems" })).toBeVisible();
  // Nothing is saved by a preview.
  await expect(page.getByText("Nothing has been saved yet.")).toBeVisible();

  const name = `Week 9 launch ${unique()}`;
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Version").fill("w9");
  await page.getByRole("button", { name: "Import 67 items" }).click();

  await expect(page.getByRole("heading", { level: 1, name: new RegExp(name) })).toBeVisible();
  await expect(page.getByRole("progressbar", { name: "Overall progress" })).toHaveAttribute("aria-valuetext", /\(3\/67\)/);
  await expect(page.getByRole("region", { name: "Day 1: Security Scanning & Setup" })).toBeVisible();

  // The export reads back to the same plan.
  const exported = await page.request.get(page.url().replace(/\/checklist.*$/, "/export.md"));
  expect(exported.headers()["content-type"]).toContain("text/markdown");
  const markdown = await exported.text();
  expect(markdown).toContain(`# ${name} w9`);
  expect(markdown).toContain("## Day 1: Security Scanning & Setup");
});

test("a release starts from a built-in template, and an admin can retire a template", async ({ page, browser }) => {
  failOnConsoleErrors(page);
  await signIn(page, "manager@example.com");
  await page.getByRole("link", { name: "Templates" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Templates" })).toBeVisible();
  for (const builtIn of ["Production deployment checklist", "Go-live procedure", "Launch-preparation week", "Final release action plan"]) {
    await expect(page.getByRole("link", { name: builtIn, exact: true })).toBeVisible();
  }
  await page.getByRole("link", { name: "Use Production deployment checklist" }).click();
  await expect(page.getByLabel("Start from")).toHaveValue(/.+/);
  const name = `Portal ${unique()}`;
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Version").fill("v0.2.0");
  await page.getByLabel("Target date").fill("2030-09-30");
  await page.getByRole("button", { name: "Create release" }).click();
  await expect(page.getByRole("heading", { level: 1, name: new RegExp(name) })).toBeVisible();
  await expect(page.getByRole("progressbar", { name: "Overall progress" })).toHaveAttribute("aria-valuetext", /\(0\/55\)/);

  // An admin retires the template: it leaves the choices of a new release, and comes back.
  const adminPage = await openAs(browser, "admin@example.com");
  await adminPage.goto("/templates");
  await adminPage.getByRole("link", { name: "Go-live procedure", exact: true }).click();
  adminPage.once("dialog", (dialog) => dialog.accept());
  await adminPage.getByRole("button", { name: "Retire Go-live procedure" }).click();
  await expect(adminPage.getByText("Retired", { exact: true })).toBeVisible();
  await page.goto("/releases/new");
  await expect(page.getByLabel("Start from").locator("option", { hasText: "Go-live procedure" })).toHaveCount(0);
  await adminPage.getByRole("button", { name: "Put Go-live procedure back in use" }).click();
  await expect(adminPage.getByText("Retired", { exact: true })).toHaveCount(0);
  await page.reload();
  await expect(page.getByLabel("Start from").locator("option", { hasText: "Go-live procedure" })).toHaveCount(1);
  await adminPage.context().close();
});

test("a large imported plan is read a page at a time, with a way to each phase", async ({ page }) => {
  failOnConsoleErrors(page);
  await signIn(page, "manager@example.com");
  await page.goto("/releases/import");
  const phase = (name: string, count: number) => [`## ${name}`, ...Array.from({ length: count }, (_, index) => `- [ ] ${name} check ${index + 1}`)].join("\n");
  await page.getByLabel("…or paste it here").fill(`# Big programme\n\n${phase("Build", 80)}\n\n${phase("Verify", 60)}\n`);
  await page.getByRole("button", { name: "Preview" }).click();
  await page.getByLabel("Version").fill("big");
  await page.getByRole("button", { name: "Import 140 items" }).click();

  await expect(page.getByRole("heading", { level: 2, name: "Items 1–100 of 140" })).toBeVisible();
  await expect(page.getByRole("progressbar", { name: "Overall progress" })).toHaveAttribute("aria-valuetext", /\(0\/140\)/);
  const verify = page.getByRole("region", { name: "Verify" });
  await expect(verify.getByRole("listitem").filter({ hasText: "Verify check 20" })).toBeVisible();
  await expect(verify.getByText("Verify check 21", { exact: true })).toHaveCount(0);
  await expect(verify).toContainText("Items 1–20 of 60 in this phase");

  await page.getByRole("navigation", { name: "Checklist pages", exact: true }).getByRole("link", { name: "Next" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Items 101–140 of 140" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Build" })).toHaveCount(0);
  await expect(page.getByText("Verify check 60", { exact: true })).toBeVisible();

  await page.getByText("Go to a phase").click();
  await page.getByRole("link", { name: "Build" }).click();
  await expect(page).toHaveURL(/checklist#phase-/);
  await expect(page.getByText("Build check 1", { exact: true })).toBeVisible();
});
