import { expect, test } from "@playwright/test";
import { failOnConsoleErrors, signIn, unique } from "./helpers";

test("a stale edit is refused and shows what the other person saved", async ({ browser }) => {
  const first = await (await browser.newContext()).newPage();
  const second = await (await browser.newContext()).newPage();
  failOnConsoleErrors(first);
  failOnConsoleErrors(second);
  await signIn(first, "manager@example.com");
  await signIn(second, "admin@example.com");

  await first.getByRole("link", { name: /M9 Production Release/ }).click();
  await first.getByRole("link", { name: "Checklist", exact: true }).click();
  await first.getByRole("region").first().getByRole("link").first().click();
  await expect(first.getByRole("heading", { name: "Details" })).toBeVisible();
  const itemUrl = first.url();
  await second.goto(itemUrl);
  await expect(second.getByRole("heading", { name: "Details" })).toBeVisible();

  const edit = (page: typeof first) => page.getByRole("region", { name: "Edit item" });
  // Both are editing when the first saves: the live update must not hand the second person's
  // form the new version (their save would silently overwrite) nor replace what they typed.
  await expect(second.getByText("Live: changes by others appear here as they happen")).toBeVisible();
  await edit(second).getByLabel("Title").fill("Provisioned by Ben");
  const theirs = `Provisioned by Ana ${unique()}`;
  await edit(first).getByLabel("Title").fill(theirs);
  await edit(first).getByRole("button", { name: "Save item" }).click();
  await expect(first.getByRole("heading", { level: 1, name: theirs })).toBeVisible();

  await expect(second.getByRole("status").filter({ hasText: "Someone else changed this release while you were editing" })).toBeVisible();
  await expect(edit(second).getByLabel("Title")).toHaveValue("Provisioned by Ben");
  await edit(second).getByRole("button", { name: "Save item" }).click();
  const alert = edit(second).getByRole("alert");
  await expect(alert).toContainText("Someone else changed this");
  await expect(alert).toContainText(theirs);
  await expect(edit(second).getByLabel("Title")).toHaveValue("Provisioned by Ben");

  await second.reload();
  await expect(second.getByRole("heading", { level: 1, name: theirs })).toBeVisible();
});
