import { describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import type { ApiOperation } from "./operation";
import { apiOperations } from "./operations";

const ROOT = path.resolve(__dirname, "../../..");
const API_DIR = path.join(ROOT, "app/api/v1");
const OPERATIONS_DIR = path.join(__dirname, "operations");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

/** app/api/v1/incidents/[ref]/route.ts → /api/v1/incidents/{ref}; route groups "(x)" leave the URL. */
export function openApiPathOf(file: string): string {
  const segments = path
    .relative(path.join(ROOT, "app"), path.dirname(file))
    .split(path.sep)
    .filter((segment) => !/^\(.*\)$/.test(segment))
    .map((segment) => {
      if (/^\[\[?\.\.\./.test(segment)) throw new Error(`${file}: catch-all segments cannot be documented as one OpenAPI path`);
      return segment.replace(/^\[(.+)\]$/, "{$1}");
    });
  return `/${segments.join("/")}`;
}

/** The HTTP methods a route file exports: `export const GET =`, `export async function GET(`, `export { x as GET }`. */
export function exportedMethods(source: string): string[] {
  const found = new Set<string>();
  for (const method of METHODS) {
    const declared = new RegExp(`export\\s+(?:const|let|var|(?:async\\s+)?function)\\s+${method}\\b`);
    const reexported = new RegExp(`export\\s*\\{[^}]*\\b(?:as\\s+)?${method}\\b[^}]*\\}`);
    if (declared.test(source) || reexported.test(source)) found.add(method);
  }
  return [...found];
}

const key = (method: string, apiPath: string) => `${method.toUpperCase()} ${apiPath}`;

describe("every /api/v1 route is documented", () => {
  const routes = routeFiles(API_DIR).flatMap((file) => exportedMethods(fs.readFileSync(file, "utf8")).map((method) => key(method, openApiPathOf(file))));
  const documented = apiOperations.map((op) => key(op.method, op.path));

  it("finds the routes (the walk works)", () => {
    expect(routes).toContain("GET /api/v1/incidents/{ref}");
    expect(routes).toContain("PATCH /api/v1/incidents/{ref}/timeline/{id}");
    expect(routes.length).toBeGreaterThan(40);
  });

  it("has an operation for every exported method of every route", () => {
    const missing = routes.filter((route) => !documented.includes(route)).sort();
    expect(missing, `routes without an operation in server/api/openapi/operations/*.ts:\n${missing.join("\n")}`).toEqual([]);
  });

  it("has a route for every operation", () => {
    const orphans = documented.filter((op) => !routes.includes(op)).sort();
    expect(orphans, `operations without a route under app/api/v1:\n${orphans.join("\n")}`).toEqual([]);
  });

  it("documents each method and path once", () => {
    const repeated = documented.filter((op, i) => documented.indexOf(op) !== i);
    expect(repeated).toEqual([]);
  });

  it("wires every operations/<area>.ts file into operations/index.ts", async () => {
    const files = fs.readdirSync(OPERATIONS_DIR).filter((name) => name.endsWith(".ts") && name !== "index.ts" && !name.endsWith(".test.ts"));
    const wired = new Set<ApiOperation>(apiOperations);
    for (const file of files) {
      const module = (await import(path.join(OPERATIONS_DIR, file))) as Record<string, unknown>;
      const lists = Object.entries(module).filter(([name, value]) => name.endsWith("Operations") && Array.isArray(value));
      expect(lists.length, `${file} exports no <area>Operations list`).toBeGreaterThan(0);
      for (const [name, list] of lists) {
        const unwired = (list as ApiOperation[]).filter((op) => !wired.has(op));
        expect(
          unwired.map((op) => key(op.method, op.path)),
          `${file}: ${name} is not spread into apiOperations (operations/index.ts)`,
        ).toEqual([]);
      }
    }
  });
});

describe("route walking", () => {
  it("maps folders to OpenAPI paths", () => {
    expect(openApiPathOf(path.join(ROOT, "app/api/v1/incidents/[ref]/services/[slug]/route.ts"))).toBe("/api/v1/incidents/{ref}/services/{slug}");
    expect(openApiPathOf(path.join(ROOT, "app/api/v1/(admin)/teams/route.ts"))).toBe("/api/v1/teams");
    expect(openApiPathOf(path.join(ROOT, "app/api/v1/insights/incidents.csv/route.ts"))).toBe("/api/v1/insights/incidents.csv");
    expect(() => openApiPathOf(path.join(ROOT, "app/api/v1/files/[...path]/route.ts"))).toThrow(/catch-all/);
  });

  it("finds exported methods in each style", () => {
    expect(exportedMethods("export const GET = apiRoute(x);\nexport async function POST(req) {}\nexport function DELETE() {}").sort()).toEqual([
      "DELETE",
      "GET",
      "POST",
    ]);
    expect(exportedMethods("const handler = x;\nexport { handler as PUT, handler as PATCH };").sort()).toEqual(["PATCH", "PUT"]);
    expect(exportedMethods("export const dynamic = 'force-dynamic';\nconst GET = 1;")).toEqual([]);
  });
});
