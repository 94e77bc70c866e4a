import { expect, test, type Page } from "@playwright/test";
import { demoPassword, failOnConsoleErrors, openAs, signIn, unique } from "./helpers";

// The final release plan's scenario (seed 000): five required approvals, a blocking item
// reopened after approval, a NO-GO with remediation and a new date, then a GO.

const roles = [
  { role: "Technical Lead", email: "tech.lead@example.com", person: "Taylor Tech Lead" },
  { role: "QA Lead", email: "qa.lead@example.com", person: "Quinn QA Lead" },
  { role: "Security Officer", email: "security@example.com", person: "Sasha Security" },
  { role: "Product Owner", email: "product@example.com", person: "Parker Product" },
  { role: "Release Manager", email: "admin@example.com", person: "Ada Admin" },
];

async function addRole(page: Page, role: string, person: string) {
  const form = page.getByRole("region", { name: "Add a required role" });
  await form.getByLabel("Role").fill(role);
  await form.getByLabel("Evidence to review").fill(`${role} evidence pack`);
  await form.getByRole("checkbox", { name: person }).check();
  await form.getByRole("button", { name: "Add role" }).click();
  await expect(page.getByRole("heading", { level: 2, name: role })).toBeVisible();
}

async function sign(page: Page, releaseUrl: string, role: string, verdict = "Approve") {
  await page.goto(`${releaseUrl}/signoffs`);
  const card = page.getByRole("region", { name: role, exact: true });
  const form = card.getByRole("form", { name: `Sign as ${role}` });
  const choice = form.getByRole("radio", { name: verdict, exact: true });
  // A stale sign-off opens its re-confirm form by itself; otherwise open it.
  if (!(await choice.isVisible())) await card.locator("summary", { hasText: new RegExp(`as ${role}$`) }).click();
  await choice.check();
  await form.getByLabel("Evidence you reviewed").fill("https://ci.example.com/run/940");
  await form.getByLabel("Your password").fill(demoPassword);
  await form.getByRole("button", { name: new RegExp(`as ${role}$`) }).click();
  await expect(card.getByRole("status")).toContainText("Recorded");
}

test("five approvals, a reopened blocking item, a NO-GO with remediation, then GO", async ({ page, browser }) => {
  test.setTimeout(180_000);
  failOnConsoleErrors(page);
  await signIn(page, "manager@example.com");
  const name = `RaOS final release ${unique()}`;
  await page.getByRole("link", { name: "New release" }).click();
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Version").fill("v9.4.1");
  await page.getByLabel("Target date").fill("2030-03-01");
  await page.getByRole("button", { name: "Create release" }).click();
  await expect(page.getByRole("heading", { level: 1, name: new RegExp(name) })).toBeVisible();
  const releaseUrl = page.url();

  await page.getByRole("link", { name: "Checklist", exact: true }).click();
  await page.getByLabel("Phase name").fill("Pre-deployment validation");
  await page.getByRole("button", { name: "Add phase" }).click();
  const phase = page.getByRole("region", { name: "Pre-deployment validation" });
  await phase.getByText("Add an item to Pre-deployment validation").click();
  for (const title of ["Production deployment dry run", "Configure production settings"]) {
    await phase.getByLabel("Title").fill(title);
    await phase.getByLabel("Priority").selectOption({ label: "Blocking" });
    await phase.getByLabel("Category").selectOption({ label: "Validation" });
    await phase.getByRole("button", { name: "Add item" }).click();
    await expect(phase.getByRole("link", { name: title })).toBeVisible();
    await phase.getByRole("button", { name: `Mark “${title}” done` }).click();
    await expect(phase.getByRole("button", { name: `Reopen “${title}”` })).toBeVisible();
  }

  await page.getByRole("link", { name: "Sign-offs", exact: true }).click();
  for (const { role, person } of roles) await addRole(page, role, person);

  // A wrong password records nothing.
  const taylor = await openAs(browser, roles[0]!.email);
  await taylor.goto(`${releaseUrl}/signoffs`);
  const techCard = taylor.getByRole("region", { name: "Technical Lead", exact: true });
  await techCard.locator("summary", { hasText: "Sign as Technical Lead" }).click();
  await techCard.getByLabel("Your password").fill("not-my-password");
  await techCard.getByRole("button", { name: "Sign as Technical Lead" }).click();
  await expect(techCard.getByText("That password is not right.")).toBeVisible();
  await expect(techCard.getByText("Not signed")).toBeVisible();

  for (const { role, email } of roles) {
    const signer = email === roles[0]!.email ? taylor : await openAs(browser, email);
    await sign(signer, releaseUrl, role);
  }

  await page.goto(releaseUrl);
  const criteria = page.getByRole("list", { name: "Go/no-go criteria" });
  await expect(criteria).toContainText("5 of 5 roles approved");
  await expect(page.getByRole("heading", { name: "Ready for GO" })).toBeVisible();

  // Reopening a blocking item makes every approval stale and shows what changed.
  await page.goto(`${releaseUrl}/checklist`);
  await page.getByRole("button", { name: "Reopen “Production deployment dry run”" }).click();
  await expect(page.getByRole("button", { name: "Mark “Production deployment dry run” done" })).toBeVisible();
  await taylor.goto(`${releaseUrl}/signoffs`);
  const staleCard = taylor.getByRole("region", { name: "Technical Lead", exact: true });
  await expect(staleCard.getByText("Stale", { exact: true })).toBeVisible();
  await expect(staleCard.getByText("What changed since you signed")).toBeVisible();
  await expect(staleCard.getByText(/Blocking item reopened: Production deployment dry run/)).toBeVisible();
  await page.goto(releaseUrl);
  await expect(criteria).toContainText("0 of 5 roles approved");
  await expect(page.getByText("Technical Lead: 1 more approval needed (0 of 1); Taylor Tech Lead must re-confirm")).toBeVisible();

  // NO-GO with remediation and a new target date.
  await page.getByRole("link", { name: "Record a decision" }).click();
  const decide = page.getByRole("form", { name: "Record a go/no-go decision" });
  await decide.getByRole("radio", { name: "NO-GO", exact: true }).check();
  await decide.getByLabel("Rationale").fill("The dry run failed on the database migration.");
  await decide.getByLabel("Blocking reasons").fill("Dry run reopened: migration step times out.");
  await decide.getByLabel("Remediation plan").fill("Split the migration, rehearse again on staging.");
  await decide.getByLabel("New target date").fill("2030-03-15");
  await decide.getByRole("button", { name: "Record NO-GO" }).click();
  await expect(page.getByRole("heading", { name: name })).toBeVisible();
  await expect(page.getByText("NO-GO").first()).toBeVisible();
  await expect(page.getByText("Split the migration, rehearse again on staging.")).toBeVisible();
  await page.goto(releaseUrl);
  await expect(page.getByText("15 Mar 2030").first()).toBeVisible();

  // Fixed, re-confirmed, and GO.
  await page.goto(`${releaseUrl}/checklist`);
  await page.getByRole("button", { name: "Mark “Production deployment dry run” done" }).click();
  await expect(page.getByRole("button", { name: "Reopen “Production deployment dry run”" })).toBeVisible();
  for (const { role, email } of roles) {
    const signer = email === roles[0]!.email ? taylor : await openAs(browser, email);
    await sign(signer, releaseUrl, role);
  }
  await page.goto(`${releaseUrl}/decision`);
  await expect(page.getByRole("heading", { name: "Ready for GO" })).toBeVisible();
  await decide.getByRole("radio", { name: "GO", exact: true }).check();
  await decide.getByLabel("Rationale").fill("Dry run passed after the fix; all five approvals current.");
  await decide.getByRole("button", { name: "Record GO" }).click();
  await expect(page.getByText("Go/no-go decision record")).toBeVisible();
  await expect(page.getByText("✓ The stored record matches its hash.")).toBeVisible();
  await page.goto(releaseUrl);
  await expect(page.getByText("Decision: GO")).toBeVisible();
});

test("a conditional approval whose condition is overdue counts as a rejection until its owner marks it met", async ({ browser }) => {
  const avery = await openAs(browser, "approver@example.com");
  await avery.getByRole("link", { name: /Story Portal Platform Production Launch/ }).click();
  await expect(avery.getByText("QA Lead: resolve the rejection by Quinn QA Lead (condition overdue)")).toBeVisible();
  await avery.getByRole("link", { name: "Sign-offs", exact: true }).click();
  const qa = avery.getByRole("region", { name: "QA Lead", exact: true });
  await expect(qa.getByText("Condition overdue", { exact: true })).toBeVisible();
  await qa.getByRole("button", { name: /Mark met: condition “Re-run the API load test/ }).click();
  await expect(qa.getByText("Approved").first()).toBeVisible();
  await expect(qa.getByText(/✓ met/)).toBeVisible();
});

test("separation of duties: the release owner may reject but not approve", async ({ page }) => {
  failOnConsoleErrors(page);
  await signIn(page, "admin@example.com");
  await page.getByRole("link", { name: "New release" }).click();
  const name = `Owner check ${unique()}`;
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Version").fill("v1");
  await page.getByLabel("Target date").fill("2030-05-01");
  await page.getByRole("button", { name: "Create release" }).click();
  await page.getByRole("link", { name: "Sign-offs", exact: true }).click();
  await addRole(page, "Release Manager", "Ada Admin");
  const card = page.getByRole("region", { name: "Release Manager", exact: true });
  await card.locator("summary", { hasText: "Sign as Release Manager" }).click();
  await expect(card.getByRole("radio", { name: "Approve", exact: true })).toBeDisabled();
  await expect(card.getByText(/You own this release/)).toBeVisible();
  await expect(card.getByRole("radio", { name: "Reject", exact: true })).toBeEnabled();
});
