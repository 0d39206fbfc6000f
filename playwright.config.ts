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
  args: [
    ...(asRoot ? ["--no-sandbox"] : []),
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
};

// Specs that change what every other test sees (organisation settings, update cadence, server-wide
// metrics counters): the "serial" project runs them one at a time once every other project is done.
// It is the setup project's teardown, so it runs even when a parallel test failed, and with any run
// that includes the setup project (its few tests are then run too). Run alone, its specs sign in
// themselves (ensureSignedInStates in e2e/support/fixtures.ts).
const serialSpecs = ["e2e/admin/factors.spec.ts", "e2e/incidents/incident-header.spec.ts", "e2e/api/status-updates.spec.ts", "e2e/api/metrics.spec.ts"];
// Specs that start production servers or CLI scripts of their own (each on a free port, see
// e2e/support/ports.ts): the "spawned" project runs them one at a time, beside the other worker,
// so two of these CPU-heavy starts never compete with each other.
const spawnedSpecs = [
  "e2e/api/durability.spec.ts",
  "e2e/api/backup-durability.spec.ts",
  "e2e/api/bad-input-generated.spec.ts",
  "e2e/api/https-public-url.spec.ts",
  "e2e/api/token-script.spec.ts",
  "e2e/ops/logs-and-shutdown.spec.ts",
  "e2e/api/webhooks.spec.ts",
  "e2e/api/multi-process-pg.spec.ts",
];
const filesPattern = (files: string[]) => new RegExp(`(${files.map((file) => file.replace(/^e2e\//, "").replace(/[.]/g, "\\.")).join("|")})$`);
const serial = filesPattern(serialSpecs);
const spawned = filesPattern(spawnedSpecs);

const browser = { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 800 }, launchOptions };

export default defineConfig({
  testDir: "./e2e",
  // Files are spread over the workers; the tests of one file keep their order in one worker.
  // Every test seeds its own data; specs that start servers of their own take free ports
  // (e2e/support/ports.ts). --workers=1 runs it serially.
  fullyParallel: false,
  workers: process.env.CI ? 2 : undefined,
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
    { name: "setup", testMatch: /auth\.setup\.ts/, teardown: "serial" },
    { name: "api", testMatch: /api\/.*\.spec\.ts/, testIgnore: [serial, spawned], dependencies: ["setup"] },
    { name: "spawned", testMatch: spawned, dependencies: ["setup"], workers: 1 },
    {
      name: "e2e",
      testMatch: /.*\.spec\.ts/,
      testIgnore: [/api\/.*/, serial, spawned],
      dependencies: ["setup"],
      use: browser,
    },
    { name: "serial", testMatch: serial, workers: 1, use: browser },
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
