// Usage: node /tmp/shots.mjs <baseUrl> <email> <outDir> <path> [<path>...]
import { chromium } from "@playwright/test";
const [base, email, out, ...paths] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"] });
for (const [label, viewport] of [["desktop", { width: 1280, height: 900 }], ["phone", { width: 390, height: 844 }]]) {
  const context = await browser.newContext({ viewport, colorScheme: process.env.DARK ? "dark" : "light", reducedMotion: "reduce" });
  const page = await context.newPage();
  page.on("console", (m) => { if (m.type() === "error") console.log("CONSOLE ERROR", m.text()); });
  if (email !== "-") {
    await page.goto(`${base}/sign-in`);
    await page.getByLabel("E-mail").fill(email);
    await page.getByLabel("Password").fill("ready-for-release");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`${base}/`);
  }
  for (const path of paths) {
    const resolved = path.startsWith("/") ? path : `/${path}`;
    await page.goto(`${base}${resolved}`);
    await page.waitForLoadState("networkidle");
    const name = resolved.replace(/[^a-z0-9]+/gi, "_").slice(0, 60) || "root";
    await page.screenshot({ path: `${out}/${label}-${name}.png`, fullPage: true });
    console.log("shot", label, resolved, page.url());
  }
  await context.close();
}
await browser.close();
