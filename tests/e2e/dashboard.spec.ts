import { expect, test } from "@playwright/test";
import { failOnConsoleErrors, openAs, signIn, unique } from "./helpers";

test("the charts' text equivalents match the release's numbers", async ({ page }) => {
  failOnConsoleErrors(page);
  await signIn(page, "viewer@example.com");
  await page.getByRole("link", { name: /Story Portal Platform Production Launch/ }).click();
  const progress = await page.getByRole("progressbar", { name: "Overall progress" }).getAttribute("aria-valuetext");
  const [, done, applicable] = /\((\d+)\/(\d+)\)/.exec(progress!)!;

  const burndown = page.getByRole("figure", { name: "Burndown and burn-up" });
  await burndown.getByText("Show the data").click();
  const today = burndown.getByRole("table").getByRole("row").last();
  const cells = await today.getByRole("cell").allTextContents();
  expect(Number(cells[0])).toBe(Number(applicable) - Number(done));
  expect(Number(cells[1])).toBe(Number(done));
  await expect(burndown.getByText(new RegExp(`to ${Number(applicable) - Number(done)}, done items from \\d+ to ${done}`))).toBeVisible();

  const scoreShown = await page.getByRole("meter", { name: "Readiness score" }).getAttribute("aria-valuenow");
  const gauge = page.getByRole("figure", { name: "Readiness gauge" });
  await gauge.getByText("Show the data").click();
  await expect(gauge.getByRole("row", { name: /^Score/ }).getByRole("cell")).toHaveText(scoreShown!);
  // The drawings load after the page and can be focused for their tooltips.
  await expect(burndown.getByRole("application", { name: "Open and done items per day" })).toBeVisible();
});

test("my work lists exactly my items, and the inbox tells me of a new assignment", async ({ page, browser }) => {
  failOnConsoleErrors(page);
  await signIn(page, "manager@example.com");
  await page.getByRole("link", { name: /M9 Production Release/ }).click();
  await page.getByRole("link", { name: "Checklist", exact: true }).click();
  const phase = page.getByRole("region").first();
  const title = `Confirm the on-call rota ${unique()}`;
  await phase.getByText(/^Add an item to/).click();
  await phase.getByLabel("Title").fill(title);
  await phase.getByLabel("Assignee").selectOption({ label: "Quinn QA Lead" });
  await phase.getByRole("button", { name: "Add item" }).click();
  await expect(phase.getByRole("link", { name: title })).toBeVisible();

  const quinn = await openAs(browser, "qa.lead@example.com");
  await expect(quinn.getByRole("link", { name: /Inbox\s*\d+ unread/ })).toBeVisible();
  await quinn.getByRole("link", { name: "My work" }).click();
  const items = quinn.getByRole("region", { name: /Items assigned to you/ });
  await expect(items.getByRole("link", { name: title })).toBeVisible();
  await quinn.getByRole("link", { name: /Inbox/ }).click();
  await quinn.getByRole("button", { name: new RegExp(`Assigned to you: ${title}`) }).click();
  await expect(quinn.getByRole("heading", { level: 1, name: title })).toBeVisible();

  const avery = await openAs(browser, "approver@example.com");
  await avery.getByRole("link", { name: "My work" }).click();
  await expect(avery.getByRole("heading", { name: "My work" })).toBeVisible();
  await expect(avery.getByRole("link", { name: title })).toHaveCount(0);
});
