import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers";

// An automated accessibility check (axe) of every main page, in light and dark mode: no serious
// or critical violation.

async function expectNoSeriousViolations(page: Page, path: string) {
  await page.goto(path);
  await page.waitForLoadState("networkidle");
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
  expect(
    serious.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(" ")).slice(0, 3).join("; ")})`),
    path,
  ).toEqual([]);
}

for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`in ${colorScheme} mode`, () => {
    test.use({ colorScheme });

    test("signed-out pages", async ({ page }) => {
      await expectNoSeriousViolations(page, "/sign-in");
    });

    test("every main page of a release manager", async ({ page }) => {
      test.setTimeout(120_000);
      await signIn(page, "manager@example.com");
      await page.getByRole("link", { name: /Story Portal Platform Production Launch/ }).click();
      await expect(page.getByRole("heading", { level: 1, name: /Story Portal/ })).toBeVisible();
      const release = new URL(page.url()).pathname;
      await page.getByRole("link", { name: "Checklist", exact: true }).click();
      const firstItem = page.getByRole("region").first().getByRole("link").first();
      const item = new URL(await firstItem.evaluate((link) => (link as HTMLAnchorElement).href)).pathname;
      const paths = ["/", "/my-work", "/inbox", "/releases/new", release, `${release}/checklist`, item];
      paths.push(`${release}/signoffs`, `${release}/decision`, `${release}/status`, `${release}/history`, `${release}/edit`);
      for (const path of paths) await expectNoSeriousViolations(page, path);
    });

    test("an admin's pages and a decision record", async ({ page }) => {
      await signIn(page, "admin@example.com");
      await expectNoSeriousViolations(page, "/admin/users");
      await page.goto("/");
      await page.getByRole("link", { name: /Epic 9 Production Go-Live/ }).click();
      await page.getByRole("link", { name: "decision record" }).click();
      await expect(page.getByText("Go/no-go decision record")).toBeVisible();
      await expectNoSeriousViolations(page, new URL(page.url()).pathname);
    });
  });
}
