import { existsSync } from "node:fs";
import { defineConfig } from "@playwright/test";
import { oidcClient, oidcIssuer } from "./tests/e2e/oidc-settings";

// Journeys run in Chromium against the production build, on a fresh embedded database
// (DATA_DIR .data/e2e, emptied by the test command) with the demo data loaded.
const port = Number(process.env.E2E_PORT ?? 3100);
const executablePath = process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export default defineConfig({
  testDir: "tests/e2e",
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: "test-results/e2e.json" }]],
  outputDir: "test-results/e2e-artifacts",
  use: {
    baseURL: `http://localhost:${port}`,
    trace: "off",
    reducedMotion: "reduce",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath,
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  webServer: {
    command: "node scripts/start.mjs",
    url: `http://localhost:${port}/sign-in`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    // Webhook retries come due in a fraction of a second, so the journey need not wait minutes.
    env: { PORT: String(port), WEB_CONCURRENCY: "2", DATA_DIR: ".data/e2e", EMBEDDED_PG_PORT: process.env.E2E_PG_PORT ?? "55500", WEBHOOK_RETRY_BASE_MS: "300", WEBHOOK_TIMEOUT_MS: "3000", METRICS_TOKEN: "e2e-metrics-token-0123456789abcdef", WEBHOOK_ALLOW_PRIVATE_TARGETS: "true",
      OIDC_ISSUER: oidcIssuer, OIDC_CLIENT_ID: oidcClient.id, OIDC_CLIENT_SECRET: oidcClient.secret, OIDC_NAME: oidcClient.name },
  },
});
