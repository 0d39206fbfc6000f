import { defineConfig, devices } from "@playwright/test";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

// One temporary data folder per run, shared by the server and every worker (workers inherit env).
process.env.HINDSIGHT_E2E_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), "hindsight-e2e-"));
const port = Number(process.env.E2E_PORT ?? 3211);
const baseURL = `http://localhost:${port}`;
// The demo-data server (scripts/e2e-server.mjs starts it too; e2e/support/demo.ts reaches it).
process.env.E2E_DEMO_PORT ??= String(port + 1);

// Debian's Chromium where present (Playwright cannot download its own here); a user with
// Playwright's own browsers can leave it unset or point CHROMIUM_PATH elsewhere.
const executablePath = process.env.CHROMIUM_PATH ?? (fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);
const asRoot = typeof process.getuid === "function" && process.getuid() === 0;
const launchOptions = {
  executablePath,
  // Without the background-networking flags Chromium keeps dialling out on this closed network.
  args: [...(asRoot ? ["--no-sandbox"] : []), "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
};

export default defineConfig({
  testDir: "./e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [["list"], ["json"]] : [["list"]],
  use: {
    baseURL,
    trace: "on-first-retry",
    screenshot: "only-on-failure",
    viewport: { width: 1280, height: 800 },
    launchOptions,
  },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    { name: "api", testMatch: /api\/.*\.spec\.ts/, dependencies: ["setup"] },
    {
      name: "e2e",
      testMatch: /.*\.spec\.ts/,
      testIgnore: /api\/.*/,
      dependencies: ["setup"],
      use: { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 800 }, launchOptions },
    },
  ],
  webServer: {
    command: "node scripts/e2e-server.mjs",
    url: `${baseURL}/api/health`,
    timeout: 300_000,
    reuseExistingServer: false,
    env: { PORT: String(port), E2E_DEMO_PORT: process.env.E2E_DEMO_PORT, HINDSIGHT_E2E_DIR: process.env.HINDSIGHT_E2E_DIR },
    stdout: "pipe",
    stderr: "pipe",
  },
});
