import { expect, test } from "@playwright/test";
import { bearer } from "../support/fixtures";

type Doc = {
  openapi: string;
  paths: Record<string, Record<string, { operationId: string; security: Record<string, string[]>[]; requestBody?: unknown }>>;
  components: { securitySchemes: Record<string, unknown>; schemas: Record<string, unknown> };
};

test.describe("the API description", () => {
  test("GET /api/v1/openapi.json serves the OpenAPI 3.1 document without credentials", async ({ request }) => {
    const res = await request.get("/api/v1/openapi.json");
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toContain("application/json");
    expect(res.headers()["cache-control"]).toBe("no-store");
    const doc = (await res.json()) as Doc;
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(["bearerToken", "integrationSecret", "sessionCookie"]);
    expect(Object.keys(doc.paths["/api/v1/incidents/{ref}"]!).sort()).toEqual(["get", "patch"]);
    expect(doc.paths["/api/v1/users"]!.get!.security).toEqual([{ bearerToken: [] }, { sessionCookie: [] }]);
    expect(doc.components.schemas).toHaveProperty("Incident");
    // The same document with a token: nothing is hidden from or added for the anonymous reader.
    expect(await (await request.get("/api/v1/openapi.json", { headers: bearer("admin") })).json()).toEqual(doc);
  });

  test("documents what the API answers: a real incident has every documented required field", async ({ request }) => {
    const doc = (await (await request.get("/api/v1/openapi.json")).json()) as Doc;
    const schema = doc.components.schemas.Incident as { required: string[]; properties: Record<string, unknown> };
    const declared = await request.post("/api/v1/incidents", { headers: bearer("responder"), data: { title: "OpenAPI shape check", severity: "SEV4" } });
    expect(declared.status()).toBe(201);
    const incident = (await declared.json()) as Record<string, unknown>;
    expect(Object.keys(incident).sort()).toEqual(Object.keys(schema.properties).sort());
    for (const field of schema.required) expect(incident).toHaveProperty(field);
  });

  test("/api/docs renders the reference with our operations, loading nothing from other origins", async ({ page, baseURL }) => {
    const origins = new Set<string>();
    const violations: string[] = [];
    page.on("request", (req) => origins.add(new URL(req.url()).origin));
    page.on("console", (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
    });
    page.on("pageerror", (error) => violations.push(error.message));
    const res = await page.goto("/api/docs");
    expect(res!.status()).toBe(200);
    expect(res!.headers()["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    await expect(page.getByRole("heading", { name: "Hindsight API", exact: true })).toBeVisible({ timeout: 30_000 });
    await page.getByRole("link", { name: "Incidents", exact: true }).first().click();
    await page.getByText("Change an incident", { exact: true }).first().click();
    await expect(page.getByRole("heading", { name: "Change an incident" })).toBeVisible();
    await expect(page.getByText("commanderEmail", { exact: true }).first()).toBeVisible();
    await expect(page.getByText("Ask AI")).toHaveCount(0);
    // The reference keeps a connection open (no "networkidle"): give late requests a moment instead.
    await page.waitForTimeout(2_000);
    expect([...origins]).toEqual([new URL(baseURL!).origin]);
    expect(violations).toEqual([]);
  });

  test("the reference's script comes from this origin, cacheable by version", async ({ request }) => {
    const html = await (await request.get("/api/docs")).text();
    const src = /<script src="(\/api\/docs\/scalar\.js\?v=[^"]+)"/.exec(html)?.[1];
    expect(src).toBeTruthy();
    const res = await request.get(src!);
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toContain("javascript");
    expect(res.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect((await res.body()).length).toBeGreaterThan(1_000_000);
  });
});
