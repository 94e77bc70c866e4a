import { expect, test } from "@playwright/test";
import { failOnConsoleErrors, signIn, unique } from "./helpers";

test("a release manager creates a release, builds its checklist and completes items", async ({ page }) => {
  failOnConsoleErrors(page);
  await signIn(page, "manager@example.com");
  const name = `Checkout ${unique()}`;

  await page.getByRole("link", { name: "New release" }).click();
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Version").fill("v3.1.0");
  await page.getByLabel("Target date").fill("2030-06-30");
  await page.getByRole("button", { name: "Create release" }).click();
  await expect(page.getByRole("heading", { level: 1, name: new RegExp(name) })).toBeVisible();
  await expect(page.getByText("No items yet").first()).toBeVisible();
  await page.getByRole("link", { name: "Checklist", exact: true }).click();

  await page.getByLabel("Phase name").fill("Pre-deployment");
  await page.getByRole("button", { name: "Add phase" }).click();
  const phase = page.getByRole("region", { name: "Pre-deployment" });
  await expect(phase).toBeVisible();

  await phase.getByText("Add an item to Pre-deployment").click();
  for (const [title, priority] of [["Run smoke tests", "Blocking"], ["Rotate secrets", "Recommended"]] as const) {
    await phase.getByLabel("Title").fill(title);
    await phase.getByLabel("Priority").selectOption({ label: priority });
    await phase.getByRole("button", { name: "Add item" }).click();
    await expect(phase.getByRole("link", { name: title })).toBeVisible();
  }
  const overall = page.getByRole("progressbar", { name: "Overall progress" });
  await expect(overall).toHaveAttribute("aria-valuetext", "0% complete (0/2), 1 blocking open");

  await phase.getByRole("button", { name: "Mark “Run smoke tests” done" }).click();
  await expect(overall).toHaveAttribute("aria-valuetext", "50% complete (1/2)");
  await phase.getByRole("button", { name: "Mark “Rotate secrets” done" }).click();
  await expect(overall).toHaveAttribute("aria-valuetext", "100% complete (2/2)");

  // The menu sets the other statuses as soon as one is chosen.
  const menu = phase.getByLabel("Status of “Rotate secrets”");
  await menu.selectOption({ label: "Blocked" });
  await expect(overall).toHaveAttribute("aria-valuetext", "50% complete (1/2)");
  await expect(phase.getByRole("listitem").filter({ hasText: "Rotate secrets" }).getByText("✕Blocked")).toBeVisible();
  await expect(menu).toHaveValue("BLOCKED");
  await expect(phase.getByRole("button", { name: "Mark “Rotate secrets” done" })).toBeVisible();

  await page.getByRole("link", { name: "History" }).click();
  await expect(page.getByText("item.status_changed").first()).toBeVisible();
});

test("bad input keeps what was typed and explains the problem", async ({ page }) => {
  failOnConsoleErrors(page);
  await signIn(page, "manager@example.com");
  await page.goto("/releases/new");
  await page.getByLabel("Name").fill("   ");
  await page.getByLabel("Version").fill("v2.0.0-rc1");
  await page.getByLabel("Target date").fill("2030-01-01");
  await page.getByRole("button", { name: "Create release" }).click();
  await expect(page.getByText("Name is required.")).toBeVisible();
  await expect(page.getByLabel("Name")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Version")).toHaveValue("v2.0.0-rc1");
  await expect(page.getByLabel("Target date")).toHaveValue("2030-01-01");
});

test("unknown releases show a not-found page", async ({ page }) => {
  await signIn(page, "viewer@example.com");
  await page.goto("/releases/does-not-exist");
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
});
