import { defineConfig } from "vitest/config";
import fs from "node:fs";
import path from "node:path";

const TEST_DIRS = ["app", "lib", "db", "server", "scripts"];

function testFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" ? [] : testFiles(full);
    return entry.name.endsWith(".test.ts") ? [full] : [];
  });
}

/**
 * The data-layer suite, run again on PostgreSQL: every test file that opens the app's database
 * through db/testing. Files about SQLite itself (its backup, query plans, file handling) say so
 * with a `// engine: sqlite` line and run on SQLite only.
 */
function dataLayerTests(): string[] {
  return TEST_DIRS.flatMap((dir) => testFiles(path.join(__dirname, dir)))
    .filter((file) => {
      const source = fs.readFileSync(file, "utf8");
      return /testing\/(test-db|insights-setup|incident-fixtures|postmortem-fixtures|alert-intake)/.test(source) && !/^\/\/ engine: sqlite/m.test(source);
    })
    .map((file) => path.relative(__dirname, file));
}

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(__dirname),
      // "server-only" throws outside a React server bundle; tests import the modules directly.
      "server-only": path.resolve(__dirname, "lib/testing/server-only-stub.ts"),
    },
  },
  test: {
    environment: "node",
    pool: "forks",
    projects: [
      {
        extends: true,
        test: { name: "sqlite", include: TEST_DIRS.map((dir) => `${dir}/**/*.test.ts`) },
      },
      {
        extends: true,
        test: {
          name: "pg",
          include: dataLayerTests(),
          // Selects PostgreSQL (db/dialect.ts); each file's createTestDb() points it at its own database.
          env: { DATABASE_URL: "postgres://hindsight-test/unset" },
          globalSetup: ["db/testing/pg-global-setup.ts"],
        },
      },
    ],
  },
});
