import { chromium } from "@playwright/test";
const base = "http://localhost:3300";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
const errors = [];
async function session(width, height, scheme) {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme: scheme });
  const page = await context.newPage();
  page.on("console", (m) => m.type() === "error" && errors.push(`${width}: ${m.text()}`));
  return page;
}
for (const [width, height, scheme, tag] of [[1280, 900, "light", "desk"], [390, 844, "dark", "phone"]]) {
  const page = await session(width, height, scheme);
  await page.goto(base + "/sign-in");
  await page.screenshot({ path: `/tmp/shot-signin-${tag}.png`, fullPage: true });
  await page.getByLabel("E-mail").fill("qa.lead@example.com");
  await page.getByLabel("Password").fill("ready-for-release");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.waitForURL(base + "/");
  await page.goto(base + "/account");
  await page.screenshot({ path: `/tmp/shot-account-${tag}.png`, fullPage: true });
  if (tag === "desk") {
    await page.getByRole("button", { name: "Set up two-step sign-in" }).click();
    await page.getByTestId("totp-key").waitFor();
    await page.screenshot({ path: `/tmp/shot-account-setup-${tag}.png`, fullPage: true });
  }
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  console.log(tag, "overflow", overflow);
}
console.log(errors);
await browser.close();
