import { expect, test } from "@playwright/test";
import { failOnConsoleErrors, signIn, unique } from "./helpers";

test("a risk, a rollback plan and a milestone: the go/no-go criteria and the countdown react", async ({ page }) => {
  test.setTimeout(120_000);
  failOnConsoleErrors(page);
  await signIn(page, "manager@example.com");
  const name = `Payments ${unique()}`;
  await page.getByRole("link", { name: "New release" }).click();
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Version").fill("v5.0.0");
  await page.getByLabel("Target date").fill("2030-09-15");
  await page.getByRole("button", { name: "Create release" }).click();
  await expect(page.getByRole("heading", { level: 1, name: new RegExp(name) })).toBeVisible();
  const releaseUrl = page.url();
  const tab = (label: string) => page.getByRole("navigation", { name: "Release sections" }).getByRole("link", { name: label, exact: true });

  await tab("Checklist").click();
  await page.getByLabel("Phase name").fill("Pre-deployment");
  await page.getByRole("button", { name: "Add phase" }).click();
  const phase = page.getByRole("region", { name: "Pre-deployment" });
  await phase.getByText("Add an item to Pre-deployment").click();
  await phase.getByLabel("Title").fill("Load test at 2x traffic");
  await phase.getByLabel("Priority").selectOption({ label: "Blocking" });
  await phase.getByLabel("Category").selectOption({ label: "Performance" });
  await phase.getByRole("button", { name: "Add item" }).click();
  await phase.getByRole("button", { name: "Mark “Load test at 2x traffic” done" }).click();
  await expect(phase.getByRole("button", { name: "Reopen “Load test at 2x traffic”" })).toBeVisible();

  await page.goto(releaseUrl);
  const criteria = page.getByRole("list", { name: "Go/no-go criteria" });
  await expect(criteria).toContainText("No risks recorded");
  await expect(page.getByRole("heading", { name: "Ready for GO" })).toBeVisible();

  // A critical risk fails the criterion.
  await tab("Risks").click();
  const add = page.getByRole("region", { name: "Add a risk" });
  await add.getByLabel("Risk").fill("Card processor rate limits during peak");
  await add.getByLabel("Likelihood").selectOption({ label: "Low" });
  await add.getByLabel("Impact").selectOption({ label: "Critical" });
  await add.getByLabel("Mitigation").fill("Raise the limit with the processor before launch");
  await add.getByRole("button", { name: "Add risk" }).click();
  await expect(page.getByText("Critical: fails go/no-go")).toBeVisible();
  await page.getByRole("link", { name: /1 open risk with low likelihood and critical impact, critical/ }).click();
  await expect(page.getByRole("heading", { name: "Risks with low likelihood and critical impact" })).toBeVisible();
  await page.goto(releaseUrl);
  await expect(criteria).toContainText("1 open critical risk");
  await expect(page.getByText("Mitigate, accept or close 1 critical risk: “Card processor rate limits during peak”")).toBeVisible();

  // A rollback plan slower than its target is flagged; its rehearsal becomes a blocking item.
  await tab("Rollback").click();
  const plan = page.getByRole("form", { name: "Rollback plan" });
  await plan.getByLabel("Target rollback time (minutes)").fill("10");
  await plan.getByLabel("Metric 1").fill("Payment error rate");
  await plan.getByLabel("Threshold").fill("2.5");
  await plan.getByLabel("Unit").fill("%");
  await plan.getByLabel("For (minutes)").fill("5");
  await plan.getByLabel("Step 1").fill("Switch traffic back to blue");
  await plan.getByLabel("Minutes", { exact: true }).first().fill("8");
  await plan.getByLabel("Step 2").fill("Verify payments end to end");
  await plan.getByLabel("Minutes", { exact: true }).nth(1).fill("5");
  await plan.getByRole("button", { name: "Save rollback plan" }).click();
  await expect(page.getByText("Payment error rate > 2.5% for 5 minutes")).toBeVisible();
  await expect(page.getByText("3 minutes over the target")).toBeVisible();
  await page.getByRole("button", { name: "Add it to the checklist" }).click();
  await expect(page.getByRole("link", { name: "“Rollback rehearsed within the last 30 days”" })).toBeVisible();
  await page.goto(releaseUrl);
  await expect(criteria).toContainText("1 blocking item open");

  // A milestone and a new target date: the countdown and the history follow.
  await tab("Timeline").click();
  await expect(page.getByText("The target date has not moved.")).toBeVisible();
  await page.getByText("Add a milestone").click();
  const milestones = page.getByRole("region", { name: "Milestones" });
  await milestones.getByLabel("Milestone").fill("Code freeze");
  await milestones.getByLabel("Date").fill("2030-09-08");
  await milestones.getByRole("button", { name: "Add milestone" }).click();
  await expect(milestones.getByText("Code freeze", { exact: true })).toBeVisible();
  const countdown = page.getByRole("region", { name: "Countdown" });
  const before = await countdown.locator("p").first().textContent();

  await page.getByRole("link", { name: "Move the target date" }).click();
  await page.getByRole("textbox", { name: "Target date", exact: true }).fill("2030-09-22");
  await page.getByLabel("Reason for a new target date").fill("Processor limit raise takes a week");
  await page.getByRole("button", { name: "Save release" }).click();
  await tab("Timeline").click();
  await expect(countdown.locator("p").first()).not.toHaveText(before!);
  await expect(page.getByText("15 Sept 2030 → 22 Sept 2030").or(page.getByText("15 Sep 2030 → 22 Sep 2030"))).toBeVisible();

  // Mitigating the risk clears the criterion.
  await tab("Risks").click();
  await page.getByText("Edit “Card processor rate limits during peak”").click();
  await page.getByRole("region", { name: /^Risks/ }).getByLabel("Status").selectOption({ label: "Mitigated" });
  await page.getByRole("button", { name: "Save risk" }).click();
  await expect(page.getByText("Critical: fails go/no-go")).toHaveCount(0);
  await page.goto(releaseUrl);
  await expect(criteria).toContainText("No open critical risk");
});
