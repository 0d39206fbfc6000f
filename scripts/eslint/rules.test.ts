// Proves the layering and cycle rules of eslint.config.mjs fire: a database import in app/ and lib/,
// a framework import in lib/, and a two-file import cycle.
import fs from "node:fs";
import path from "node:path";
import { ESLint } from "eslint";
import { afterAll, describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "..", "..");
const eslint = new ESLint({
  cwd: root,
  overrideConfigFile: path.join(root, "eslint.config.mjs"),
  // The fixtures are not files of the TypeScript project: lint them without type information,
  // and so without the promise rules that need it.
  overrideConfig: {
    languageOptions: { parserOptions: { projectService: false } },
    rules: {
      "@typescript-eslint/no-floating-promises": "off",
      "@typescript-eslint/no-misused-promises": "off",
      "@typescript-eslint/await-thenable": "off",
    },
  },
});

async function rulesFor(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

const tmp = fs.mkdtempSync(path.join(root, "scripts", "eslint", ".cycle-fixture-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe("eslint.config.mjs", { timeout: 120_000 }, () => {
  it("keeps the database client, schema, access helpers and types out of app/", async () => {
    const found = await rulesFor(
      [
        'import { getDb } from "@/db/client";',
        'import { incidents } from "@/db/schema";',
        'import { findVisibleIncident } from "@/db/access/incidents";',
        'import type { Tx } from "@/db/types";',
        'import { eq } from "drizzle-orm";',
        'import Database from "better-sqlite3";',
        "export const all = [getDb, incidents, findVisibleIncident, eq, Database];",
        "export type T = Tx;",
      ].join("\n"),
      "app/(app)/lint-fixture/page.tsx",
    );
    expect(found.filter((m) => m.startsWith("import-x/no-restricted-paths")).length).toBe(4);
    expect(found.filter((m) => m.startsWith("no-restricted-imports")).length).toBe(2);
    expect(found.join("\n")).toMatch(/app\/ must not open the database/);
  });

  it("lets app/ import queries, commands, server/ and lib/", async () => {
    const found = await rulesFor(
      [
        'import { listServices } from "@/db/queries/catalogue/services";',
        'import { requireActor } from "@/server/auth/session";',
        'import { can } from "@/lib/policy";',
        "export const all = [listServices, requireActor, can];",
      ].join("\n"),
      "app/(app)/lint-fixture/page.tsx",
    );
    expect(found).toEqual([]);
  });

  it("keeps db/, server/, app/, drizzle, better-sqlite3, next and react out of lib/ (tests included)", async () => {
    const found = await rulesFor(
      [
        'import { getDb } from "@/db/client";',
        'import { listServices } from "../db/queries/catalogue/services";',
        'import { requireActor } from "@/server/auth/session";',
        'import { sql } from "drizzle-orm";',
        'import Database from "better-sqlite3";',
        'import { NextResponse } from "next/server";',
        'import { useState } from "react";',
        "export const all = [getDb, listServices, requireActor, sql, Database, NextResponse, useState];",
      ].join("\n"),
      "lib/lint-fixture.test.ts",
    );
    expect(found.filter((m) => m.startsWith("import-x/no-restricted-paths")).length).toBe(3);
    expect(found.filter((m) => m.startsWith("no-restricted-imports")).length).toBe(4);
  });

  it("reports a two-file import cycle, through the @/ alias too", async () => {
    const rel = path.relative(root, tmp);
    fs.writeFileSync(path.join(tmp, "a.ts"), `import { b } from "@/${rel}/b";\nexport const a = () => b;\n`);
    fs.writeFileSync(path.join(tmp, "b.ts"), 'import { a } from "./a";\nexport const b = () => a;\n');
    const results = await eslint.lintFiles([path.join(tmp, "a.ts"), path.join(tmp, "b.ts")]);
    const cycles = results.map((r) => r.messages.filter((m) => m.ruleId === "import-x/no-cycle").length);
    expect(cycles).toEqual([1, 1]);
  });
});
