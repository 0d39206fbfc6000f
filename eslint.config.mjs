// ESLint flat config. `npm run lint` runs it over the whole tree; .ci/run fails on any finding.
// Layering (see README "Code layout"): app/ never reaches the database directly, lib/ is pure rules,
// and no file may be part of an import cycle.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import { importX } from "eslint-plugin-import-x";
import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";
import globals from "globals";

const DRIZZLE_AND_SQLITE = [
  { group: ["drizzle-orm", "drizzle-orm/*"], message: "Database access lives in db/: call a function from db/queries or db/commands." },
  { group: ["better-sqlite3"], message: "Database access lives in db/: call a function from db/queries or db/commands." },
];

export default tseslint.config(
  {
    ignores: [
      "**/node_modules/**",
      ".next/**",
      ".next-*/**",
      "test-results/**",
      "playwright-report/**",
      "blob-report/**",
      "data/**",
      ".tmp/**",
      "screenshots/**",
      "db/migrations/meta/**",
      "next-env.d.ts",
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: "error" },
    languageOptions: { ecmaVersion: 2022, sourceType: "module", globals: { ...globals.node } },
    plugins: { "import-x": importX, "react-hooks": reactHooks },
    settings: {
      "import-x/extensions": [".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs"],
      "import-x/external-module-folders": ["node_modules", "node_modules/@types"],
      "import-x/parsers": { "@typescript-eslint/parser": [".ts", ".tsx", ".mts", ".cts"] },
      // Resolves the "@/*" alias from tsconfig.json, so cycles and restricted paths see through it.
      "import-x/resolver-next": [createTypeScriptImportResolver({ project: "./tsconfig.json", alwaysTryTypes: true })],
    },
    rules: {
      "import-x/no-cycle": ["error", { ignoreExternal: true }],
      // `catch {}` is the idiom for "not ready yet, poll again" in the scripts and browser tests.
      "no-empty": ["error", { allowEmptyCatch: true }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
    },
  },
  {
    // Hooks only exist in the UI; elsewhere a function named use…() (useDatabaseForTests) is no hook.
    files: ["**/*.tsx", "app/**", "instrumentation-client.ts"],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
    },
  },
  {
    files: ["**/*.cjs", "next.config.js"],
    languageOptions: { sourceType: "commonjs" },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // App configuration comes from server/env.ts (validated, named errors), not from process.env.
    files: ["app/**", "db/**", "lib/**", "server/**", "proxy.ts", "instrumentation.ts"],
    ignores: ["server/env.ts", "**/*.test.ts", "**/*.mjs", "**/*.cjs", "db/testing/**", "lib/testing/**"],
    rules: {
      "no-restricted-properties": ["error", { object: "process", property: "env", message: 'Read settings through server/env.ts (env("NAME")).' }],
    },
  },
  {
    // app/: pages, server actions and route handlers call db/queries and db/commands, which take the actor.
    files: ["app/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: DRIZZLE_AND_SQLITE }],
      "import-x/no-restricted-paths": [
        "error",
        {
          zones: [
            { target: "./app", from: "./db/client.ts", message: "app/ must not open the database: use db/queries or db/commands." },
            { target: "./app", from: ["./db/schema.ts", "./db/schema"], message: "app/ must not use the schema: use db/queries or db/commands." },
            { target: "./app", from: "./db/access", message: "db/access is internal to the data layer: use db/queries or db/commands." },
            { target: "./app", from: "./db/types.ts", message: "db/types (Db, Tx, …) is internal to the data layer." },
          ],
        },
      ],
    },
  },
  {
    // The data layer is asynchronous (it runs on SQLite or PostgreSQL): a promise nobody awaits is a
    // write that may land after the transaction, or a condition that is always true.
    files: ["app/**/*.{ts,tsx}", "db/**/*.ts", "server/**/*.ts", "scripts/**/*.ts", "e2e/**/*.ts", "instrumentation.ts", "proxy.ts"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "@typescript-eslint/await-thenable": "error",
    },
  },
  {
    // lib/: pure rules, tests included. No database, no request plumbing, no framework.
    files: ["lib/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            ...DRIZZLE_AND_SQLITE,
            { group: ["next", "next/*", "next-auth", "next-auth/*"], message: "lib/ holds pure rules: framework code belongs in server/ or app/." },
            { group: ["react", "react/*", "react-dom", "react-dom/*"], message: "lib/ holds pure rules: UI belongs in app/." },
          ],
        },
      ],
      "import-x/no-restricted-paths": [
        "error",
        {
          zones: [
            { target: "./lib", from: "./db", message: "lib/ holds pure rules: it must not import the data layer." },
            { target: "./lib", from: "./server", message: "lib/ holds pure rules: it must not import server/." },
            { target: "./lib", from: "./app", message: "lib/ holds pure rules: it must not import app/." },
          ],
        },
      ],
    },
  },
);
