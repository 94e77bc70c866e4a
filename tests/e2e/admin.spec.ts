import { expect, test } from "@playwright/test";
import { failOnConsoleErrors, signIn, unique } from "./helpers";

test("an admin creates a user who can then sign in", async ({ page, browser }) => {
  failOnConsoleErrors(page);
  await signIn(page, "admin@example.com");
  await page.getByRole("link", { name: "Users" }).click();
  const email = `new-${unique()}@example.com`;
  await page.getByLabel("Name").fill("Nia Newcomer");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Role").selectOption({ label: "Approver" });
  await page.getByLabel("Initial password").fill("a-long-enough-password");
  await page.getByRole("button", { name: "Create user" }).click();
  await expect(page.getByText("User created.")).toBeVisible();
  await expect(page.getByRole("cell", { name: email })).toBeVisible();

  const context = await browser.newContext();
  const newcomer = await context.newPage();
  await signIn(newcomer, email, "a-long-enough-password");
  await expect(newcomer.getByText("Nia Newcomer")).toBeVisible();
  await expect(newcomer.getByText("Approver")).toBeVisible();
  await context.close();
});

test("a wrong password gets one plain message", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("E-mail").fill("manager@example.com");
  await page.getByLabel("Password").fill("wrong-password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: /./ })).toHaveText("That e-mail and password do not match an active account.");
});
