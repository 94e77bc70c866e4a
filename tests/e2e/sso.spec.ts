import { expect, test, type Page } from "@playwright/test";
import { Secret, TOTP } from "otpauth";
import { signIn, unique } from "./helpers";
import { startOidcProvider } from "./oidc-provider";
import { oidcClient, oidcIssuer } from "./oidc-settings";

// Single sign-on against a real OpenID provider on loopback, and two-step sign-in with codes
// an authenticator app would show (F20).

let stopProvider: () => Promise<void>;
const clash = `clash-${unique()}`;

test.beforeAll(async ({ baseURL }) => {
  stopProvider = await startOidcProvider(baseURL!, { [clash]: "product@example.com" });
});
test.afterAll(async () => stopProvider());

/**
 * Fails the test on a console error in the app's pages. The provider's own pages are not ours,
 * and the browser logs the 401 of the password step that asks for a code.
 */
function failOnConsoleErrors(page: Page) {
  page.on("console", (message) => {
    const url = message.location().url;
    if (message.type() !== "error" || page.url().startsWith(oidcIssuer)) return;
    if (message.text().includes("401") && url.endsWith("/api/auth/callback/credentials")) return;
    throw new Error(`console.error in the page: ${message.text()} (${url})`);
  });
}

/** Goes through the provider's own login (any name works there) and its consent page. */
async function signInAtProvider(page: Page, login: string) {
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("any password at the provider");
  await page.getByRole("button", { name: "Sign-in" }).click();
  const consent = page.getByRole("button", { name: "Continue" });
  if (await consent.isVisible({ timeout: 3_000 }).catch(() => false)) await consent.click();
}

/** Single sign-on from the sign-in page; without `login`, the provider remembers the person. */
async function ssoFromSignInPage(page: Page, login?: string) {
  await page.goto("/sign-in");
  await page.getByRole("button", { name: `Sign in with ${oidcClient.name}` }).click();
  if (login) await signInAtProvider(page, login);
}

test("a new person signs in with single sign-on and comes back to the same account", async ({ page }) => {
  failOnConsoleErrors(page);
  const login = `ada-${unique()}`;
  await ssoFromSignInPage(page, login);
  await expect(page.getByRole("heading", { name: "Releases", level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: `SSO ${login}` })).toBeVisible();
  await page.getByRole("link", { name: `SSO ${login}` }).click();
  const sso = page.getByRole("region", { name: "Single sign-on" });
  await expect(sso.getByText(`${login}@sso.example.test at http://127.0.0.1`)).toBeVisible();
  // No password, so no two-step set-up to offer.
  await expect(page.getByRole("region", { name: "Two-step sign-in" })).toHaveCount(0);

  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await ssoFromSignInPage(page);
  await expect(page.getByRole("heading", { name: "Releases", level: 1 })).toBeVisible();
  await page.goto("/account");
  await expect(page.getByRole("region", { name: "Single sign-on" }).getByRole("listitem")).toHaveCount(1);
});

test("an e-mail that already has an account is never merged; its owner links it", async ({ page }) => {
  failOnConsoleErrors(page);
  await ssoFromSignInPage(page, clash);
  await expect(page).toHaveURL(/\/sign-in\?error=SsoEmailTaken/);
  await expect(page.getByRole("alert").filter({ hasText: /./ })).toContainText("An account with this e-mail already exists here");

  await signIn(page, "product@example.com");
  await page.goto("/account");
  await page.getByRole("button", { name: `Link ${oidcClient.name}` }).click();
  await expect(page.getByText("Single sign-on is linked to this account.")).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText("product@example.com at http://127.0.0.1")).toBeVisible();

  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await ssoFromSignInPage(page);
  await expect(page.getByRole("link", { name: "Parker Product" })).toBeVisible();
});

test("two-step sign-in asks for the authenticator's code after the password", async ({ page }) => {
  failOnConsoleErrors(page);
  const email = `two-step-${unique()}@example.com`;
  await signIn(page, "admin@example.com");
  await page.goto("/admin/users");
  await page.getByLabel("Name").fill("Tess Twostep");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Initial password").fill("a-long-enough-password");
  await page.getByRole("button", { name: "Create user" }).click();
  await expect(page.getByText("User created.")).toBeVisible();
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in/);

  await signIn(page, email, "a-long-enough-password");
  await page.getByRole("link", { name: "Tess Twostep" }).click();
  await page.getByRole("button", { name: "Set up two-step sign-in" }).click();
  await expect(page.getByRole("img", { name: "QR code holding the key below" })).toBeVisible();
  const totp = new TOTP({ secret: Secret.fromBase32((await page.getByTestId("totp-key").textContent())!.trim()), digits: 6, period: 30 });
  // The previous step's code (still accepted for clock drift), so the current one is unused.
  await page.getByLabel("Code from the app").fill(totp.generate({ timestamp: Date.now() - 30_000 }));
  await page.getByRole("button", { name: "Turn on two-step sign-in" }).click();
  await expect(page.getByText(/^On since/)).toBeVisible();
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in/);

  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill("a-long-enough-password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  const code = page.getByLabel("Code from your authenticator app");
  await expect(code).toBeFocused();
  await code.fill("000000" === totp.generate() ? "111111" : "000000");
  await page.getByRole("button", { name: "Verify code" }).click();
  await expect(page.getByRole("alert").filter({ hasText: /./ })).toHaveText("That code is not right. Enter the current code from your authenticator app.");
  await code.fill(totp.generate());
  await page.getByRole("button", { name: "Verify code" }).click();
  await expect(page.getByRole("heading", { name: "Releases", level: 1 })).toBeVisible();
});

test("an approver with no password confirms a sign-off by a fresh sign-on", async ({ page, browser }) => {
  test.setTimeout(120_000);
  failOnConsoleErrors(page);
  const login = `sol-${unique()}`;
  await ssoFromSignInPage(page, login);
  await expect(page.getByRole("heading", { name: "Releases", level: 1 })).toBeVisible();

  // An admin makes them an approver and asks for their sign-off on a new release.
  const admin = await browser.newPage();
  await signIn(admin, "admin@example.com");
  await admin.goto("/admin/users");
  await admin.getByRole("link", { name: `SSO ${login}` }).click();
  await expect(admin.getByRole("heading", { level: 1, name: `SSO ${login}` })).toBeVisible();
  await expect(admin.getByText("This user signs in through single sign-on (1 linked) and has no password.")).toBeVisible();
  const role = admin.getByLabel("Role", { exact: true });
  await role.selectOption({ label: "Approver" });
  await expect(role).toHaveValue("APPROVER");
  await admin.getByRole("button", { name: "Save user" }).click();
  await expect(admin.getByText("User saved.")).toBeVisible();
  await admin.goto("/admin/users");
  await expect(admin.getByRole("row").filter({ hasText: login })).toContainText("Approver");
  await admin.goto("/releases/new");
  await admin.getByLabel("Name").fill(`SSO sign-off ${login}`);
  await admin.getByLabel("Version").fill("v1");
  await admin.getByLabel("Target date").fill("2030-03-01");
  await admin.getByRole("button", { name: "Create release" }).click();
  await expect(admin.getByRole("heading", { level: 1, name: new RegExp(`SSO sign-off ${login}`) })).toBeVisible();
  const signoffs = `${admin.url().replace(/\/$/, "")}/signoffs`;
  await admin.goto(signoffs);
  const form = admin.getByRole("region", { name: "Add a required role" });
  await form.getByLabel("Role").fill("Platform Owner");
  await form.getByRole("checkbox", { name: `SSO ${login}` }).check();
  await form.getByRole("button", { name: "Add role" }).click();
  await expect(admin.getByRole("heading", { level: 2, name: "Platform Owner" })).toBeVisible();
  await admin.close();

  // The role change ended their session; the provider still knows them, so signing on is one click.
  await ssoFromSignInPage(page);
  await expect(page.getByRole("heading", { name: "Releases", level: 1 })).toBeVisible();
  await page.goto(new URL(signoffs).pathname);
  const card = page.getByRole("region", { name: "Platform Owner", exact: true });
  await card.locator("summary", { hasText: /as Platform Owner$/ }).click();
  const sign = card.getByRole("form", { name: "Sign as Platform Owner" });
  await expect(sign.getByLabel("Your password")).toHaveCount(0);
  await expect(sign).toContainText(`You signed on with ${oidcClient.name} just now`);
  await sign.getByRole("radio", { name: "Approve", exact: true }).check();
  await sign.getByRole("button", { name: "Sign as Platform Owner" }).click();
  await expect(card.getByRole("status")).toContainText("Recorded");
});
