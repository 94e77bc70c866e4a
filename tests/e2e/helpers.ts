import { expect, type Browser, type Page } from "@playwright/test";

export const demoPassword = "ready-for-release";

export async function signIn(page: Page, email: string, password = demoPassword) {
  await page.goto("/sign-in");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Releases", level: 1 })).toBeVisible();
}

/** Fails the test on any console error in the page. */
export function failOnConsoleErrors(page: Page) {
  page.on("console", (message) => {
    if (message.type() === "error") throw new Error(`console.error in the page: ${message.text()} (${message.location().url})`);
  });
}

export const unique = () => Math.random().toString(36).slice(2, 8);

/** A page in its own browser context, signed in as `email`: another person at another desk. */
export async function openAs(browser: Browser, email: string, password = demoPassword) {
  const context = await browser.newContext();
  const page = await context.newPage();
  failOnConsoleErrors(page);
  await signIn(page, email, password);
  return page;
}
