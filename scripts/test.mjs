// npm test: unit/integration tests (vitest), then API and browser tests (Playwright), then one totals line.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const out = fs.mkdtempSync(path.join(os.tmpdir(), "hindsight-test-"));
const bin = (name) => path.join(root, "node_modules", ".bin", name);
let passed = 0;
let failed = 0;
let broken = false;

function run(label, command, args, env, reportFile, count) {
  console.log(`\n=== ${label} ===`);
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  let counted = null;
  try {
    counted = count(JSON.parse(fs.readFileSync(reportFile, "utf8")));
  } catch {
    console.error(`[test] ${label}: no report was written (exit ${result.status})`);
  }
  if (counted) {
    passed += counted.passed;
    failed += counted.failed;
    console.log(`[test] ${label}: ${counted.passed} passed, ${counted.failed} failed`);
  }
  if (result.status !== 0 && (!counted || counted.failed === 0)) broken = true;
}

// The data-layer suite runs twice: on SQLite and on PostgreSQL (vitest project "pg", a throwaway
// cluster from scripts/pg-cluster.mjs unless HINDSIGHT_TEST_PG_URL names one).
const { findPgBin } = await import("./pg-cluster.mjs");
const withPg = Boolean(process.env.HINDSIGHT_TEST_PG_URL || findPgBin());
if (!withPg) console.warn("[test] PostgreSQL not found (install Debian's postgresql): the data-layer suite runs on SQLite only");
const vitestReport = path.join(out, "vitest.json");
run(
  withPg ? "unit and integration (vitest; data layer on SQLite and PostgreSQL)" : "unit and integration (vitest; SQLite only)",
  bin("vitest"),
  ["run", ...(withPg ? [] : ["--project", "sqlite"]), "--reporter=default", "--reporter=json", `--outputFile.json=${vitestReport}`],
  {},
  vitestReport,
  (r) => ({
    passed: r.numPassedTests,
    failed: r.numFailedTests,
  }),
);

const pwReport = path.join(out, "playwright.json");
run("API and end-to-end (Playwright)", bin("playwright"), ["test"], { PLAYWRIGHT_JSON_OUTPUT_NAME: pwReport }, pwReport, (r) => ({
  // "flaky" passed on retry; "unexpected" failed.
  passed: (r.stats.expected ?? 0) + (r.stats.flaky ?? 0),
  failed: r.stats.unexpected ?? 0,
}));

fs.rmSync(out, { recursive: true, force: true });
console.log(`\ntests: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 || broken ? 1 : 0);
