// npm test: unit/integration tests (vitest), then API and browser tests (Playwright), then one totals line.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { stripVTControlCharacters } from "node:util";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const out = fs.mkdtempSync(path.join(os.tmpdir(), "hindsight-test-"));
const bin = (name) => path.join(root, "node_modules", ".bin", name);
let passed = 0;
let failed = 0;
let broken = false;
/** What failed, repeated just above the totals line so that a log's tail names it. */
const failures = [];

function firstLine(message) {
  // ANSI colours would garble a log read as plain text.
  return (
    stripVTControlCharacters(String(message ?? ""))
      .split("\n")
      .find((line) => line.trim()) ?? ""
  );
}

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
const vitestFailures = path.join(out, "vitest-failures.jsonl");
run(
  withPg ? "unit and integration (vitest; data layer on SQLite and PostgreSQL)" : "unit and integration (vitest; SQLite only)",
  bin("vitest"),
  [
    "run",
    ...(withPg ? [] : ["--project", "sqlite"]),
    "--reporter=default",
    "--reporter=json",
    "--reporter=./scripts/vitest-failures-reporter.mjs",
    `--outputFile.json=${vitestReport}`,
  ],
  { HINDSIGHT_TEST_FAILURES: vitestFailures },
  vitestReport,
  (r) => {
    if (fs.existsSync(vitestFailures)) {
      for (const line of fs.readFileSync(vitestFailures, "utf8").split("\n").filter(Boolean)) {
        const f = JSON.parse(line);
        failures.push(`vitest [${f.project}] ${f.file} › ${f.test}: ${firstLine(f.error)}`);
      }
    }
    return { passed: r.numPassedTests, failed: r.numFailedTests };
  },
);

const pwReport = path.join(out, "playwright.json");
function playwrightFailures(suite, titles = []) {
  const trail = suite.title ? [...titles, suite.title] : titles;
  for (const spec of suite.specs ?? []) {
    for (const t of spec.tests ?? []) {
      if (t.status !== "unexpected") continue;
      const error = t.results?.at(-1)?.error?.message;
      failures.push(`playwright [${t.projectName}] ${[...trail, spec.title].join(" › ")}: ${firstLine(error)}`);
    }
  }
  for (const child of suite.suites ?? []) playwrightFailures(child, trail);
}

run("API and end-to-end (Playwright)", bin("playwright"), ["test"], { PLAYWRIGHT_JSON_OUTPUT_NAME: pwReport }, pwReport, (r) => {
  for (const suite of r.suites ?? []) playwrightFailures(suite);
  // "flaky" passed on retry; "unexpected" failed.
  return { passed: (r.stats.expected ?? 0) + (r.stats.flaky ?? 0), failed: r.stats.unexpected ?? 0 };
});

fs.rmSync(out, { recursive: true, force: true });
if (failures.length > 0) {
  console.log(`\nfailed (${failures.length}):`);
  for (const line of failures.slice(0, 30)) console.log(`  ${line.slice(0, 400)}`);
}
console.log(`\ntests: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 || broken ? 1 : 0);
