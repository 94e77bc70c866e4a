import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { openAs } from "./helpers";

// Two app instances on different ports against one database: a change made through one
// appears on a page served by the other, without a reload.

const dataDir = path.resolve(".data/e2e");
const firstPort = Number(process.env.E2E_PORT ?? 3100);
const secondPort = firstPort + 1;
let second: ChildProcess | undefined;

async function startSecondInstance() {
  const env = {
    ...process.env,
    PORT: String(secondPort),
    DATABASE_URL: readFileSync(path.join(dataDir, "database-url"), "utf8").trim(),
    NEXTAUTH_SECRET: readFileSync(path.join(dataDir, "auth-secret"), "utf8").trim(),
    NEXTAUTH_URL: `http://localhost:${secondPort}`,
    NEXT_TELEMETRY_DISABLED: "1",
  };
  second = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(secondPort)], { env, stdio: "ignore" });
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`http://localhost:${secondPort}/sign-in`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error("the second app instance did not start");
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function stopSecondInstance() {
  const exited = new Promise((resolve) => second?.once("exit", resolve));
  second?.kill("SIGTERM");
  await exited;
}

test.beforeAll(startSecondInstance);

test.afterAll(() => {
  second?.kill("SIGTERM");
});

test("a change on one instance appears on the other within two seconds", async ({ browser }) => {
  const manager = await openAs(browser, "manager@example.com");
  await manager.getByRole("link", { name: /M9 Production Release/ }).click();
  await manager.getByRole("link", { name: "Checklist", exact: true }).click();
  const releasePath = new URL(manager.url()).pathname.replace(/\/checklist$/, "");

  const watcher = await browser.newContext({ baseURL: `http://localhost:${secondPort}` });
  const viewer = await watcher.newPage();
  await viewer.goto("/sign-in");
  await viewer.getByLabel("E-mail").fill("viewer@example.com");
  await viewer.getByLabel("Password").fill("ready-for-release");
  await viewer.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(viewer.getByRole("heading", { name: "Releases", level: 1 })).toBeVisible();
  await viewer.goto(releasePath);
  await expect(viewer.getByText("Live: changes by others appear here as they happen")).toBeVisible();
  const progress = viewer.getByRole("progressbar", { name: "Overall progress" });
  const before = await progress.getAttribute("aria-valuetext");

  // Complete a top-level item (sub-items do not count in progress), and start the clock once the
  // change is committed, as its author sees it.
  const markNextItemDone = async () => {
    const row = manager.getByRole("listitem").filter({ has: manager.getByRole("button", { name: /^Mark “.*” done$/ }) }).first();
    const title = (await row.getByRole("link").first().textContent())!.trim();
    await manager.getByRole("button", { name: `Mark “${title}” done` }).click();
    await expect(manager.getByRole("button", { name: `Reopen “${title}”` })).toBeVisible();
  };
  await markNextItemDone();
  await expect(progress).not.toHaveAttribute("aria-valuetext", before!, { timeout: 2000 });

  // The instance serving the viewer restarts: the page reconnects by itself and keeps up.
  await stopSecondInstance();
  await expect(viewer.getByText("Reconnecting to live updates…")).toBeVisible();
  await startSecondInstance();
  await expect(viewer.getByText("Live: changes by others appear here as they happen")).toBeVisible({ timeout: 15_000 });
  const afterRestart = await progress.getAttribute("aria-valuetext");
  await markNextItemDone();
  await expect(progress).not.toHaveAttribute("aria-valuetext", afterRestart!, { timeout: 2000 });
});
