import { expect, test } from "@playwright/test";
import { failOnConsoleErrors, signIn } from "./helpers";

// The checklist's row controls are plain forms: without JavaScript they post back to the page,
// at the row, and a refusal shows on that row only (each form's state is keyed by its row).
test("without JavaScript, a checklist row's control posts back to its row, and a refusal shows on that row only", async ({ browser }) => {
  const withScript = await (await browser.newContext()).newPage();
  failOnConsoleErrors(withScript);
  await signIn(withScript, "manager@example.com");
  await withScript.getByRole("link", { name: /M9 Production Release/ }).click();
  await withScript.getByRole("link", { name: "Checklist", exact: true }).click();
  await expect(withScript).toHaveURL(/\/checklist$/);
  const checklistUrl = withScript.url();

  const page = await (await browser.newContext({ javaScriptEnabled: false, storageState: await withScript.context().storageState() })).newPage();
  await page.goto(checklistUrl);
  const markDone = page.getByRole("button", { name: /^Mark “.+” done$/ });
  const titleOf = async (index: number) => /^Mark “(.+)” done$/.exec((await markDone.nth(index).getAttribute("aria-label")) ?? "")![1]!;
  const first = await titleOf(0);
  const second = await titleOf(1);

  await markDone.nth(0).click();
  await expect(page).toHaveURL(/\/checklist#item-\w+$/);
  await expect(page.getByRole("button", { name: `Reopen “${first}”` })).toBeVisible();
  await expect(page.getByRole("alert")).toHaveCount(0);

  // Someone else finishes the second item; this page still shows it open, at its old version.
  await withScript.reload();
  await withScript.getByRole("button", { name: `Mark “${second}” done` }).click();
  await expect(withScript.getByRole("button", { name: `Reopen “${second}”` })).toBeVisible();

  await page.getByRole("button", { name: `Mark “${second}” done` }).click();
  const alert = page.getByRole("alert");
  await expect(alert).toHaveCount(1);
  await expect(page.getByRole("listitem").filter({ has: page.getByRole("button", { name: `Reopen “${second}”` }) }).getByRole("alert")).toBeVisible();
});
