import { expect, test } from "@playwright/test";
import { failOnConsoleErrors, signIn } from "./helpers";

test("a viewer sees a release and finds no way to change it", async ({ page }) => {
  failOnConsoleErrors(page);
  await signIn(page, "viewer@example.com");
  await expect(page.getByRole("link", { name: "New release" })).toHaveCount(0);

  await page.getByRole("link", { name: /RaOS v9\.4\.0 Final Release/  }).first().click();
  await expect(page.getByRole("progressbar", { name: "Overall progress" })).toHaveAttribute("aria-valuetext", /2 blocking open/);
  await page.getByRole("link", { name: "Checklist", exact: true }).click();
  await expect(page.getByRole("button", { name: /Mark .* done/ })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /Add|Save|Delete|Move/ })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Settings", exact: true })).toHaveCount(0);

  await page.getByRole("region").first().getByRole("link").first().click();
  await expect(page.getByRole("heading", { name: "Details" })).toBeVisible();
  await expect(page.getByRole("button", { name: /Add|Save|Delete|Waive|Remove/ })).toHaveCount(0);

  await page.goto("/releases/new");
  await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
  await page.goto("/admin/users");
  await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
});

test("five failed sign-ins lock that account and address for 15 minutes, with a plain message", async ({ page }) => {
  const email = `locked-${Date.now()}@example.com`;
  await page.goto("/sign-in");
  for (let attempt = 0; attempt < 5; attempt += 1) {
    await page.getByLabel("E-mail").fill(email);
    await page.getByLabel("Password").fill(`guess ${attempt}`);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.locator("form").getByRole("alert")).toHaveText("That e-mail and password do not match an active account.");
  }
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.locator("form").getByRole("alert")).toHaveText("Too many failed sign-ins. Try again in 15 minutes.");
});
