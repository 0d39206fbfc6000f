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

// Specs that change what every other test sees (organisation settings, update cadence, server-wide
// metrics counters): they run in the "serial" project, one at a time after all the others. Like any
// Playwright dependency, a test failing in "api" or "e2e" skips it (flaky ones, passed on retry, do not).
const serialSpecs = [
  "e2e/admin/factors.spec.ts",
  "e2e/incidents/incident-header.spec.ts",
  "e2e/api/status-updates.spec.ts",
  "e2e/api/metrics.spec.ts",
];
const serial = new RegExp(`(${serialSpecs.map((file) => file.replace(/^e2e\//, "").replace(/[.]/g, "\\.")).join("|")})$`);

const browser = { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 800 }, launchOptions };

export default defineConfig({
  testDir: "./e2e",
  // Files are spread over the workers; the tests of one file keep their order in one worker.
  // Every test seeds its own data; specs that start servers of their own take free ports
  // (e2e/support/ports.ts). PW_WORKERS overrides (e.g. 1 to time the suite serially).
  fullyParallel: false,
  workers: process.env.PW_WORKERS ? Number(process.env.PW_WORKERS) : process.env.CI ? 2 : undefined,
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
    { name: "api", testMatch: /api\/.*\.spec\.ts/, testIgnore: serial, dependencies: ["setup"] },
    {
      name: "e2e",
      testMatch: /.*\.spec\.ts/,
      testIgnore: [/api\/.*/, serial],
      dependencies: ["setup"],
      use: browser,
    },
    { name: "serial", testMatch: serial, dependencies: ["api", "e2e"], workers: 1, use: browser },
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
