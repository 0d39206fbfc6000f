import { expect, test, type APIResponse } from "@playwright/test";
import { bearer, storageStateFor } from "../support/fixtures";
import { expectError } from "../support/api/helpers";

function expectSecurityHeaders(res: APIResponse) {
  const h = res.headers();
  expect(h["x-frame-options"]).toBe("DENY");
  expect(h["x-content-type-options"]).toBe("nosniff");
  expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(h["cross-origin-opener-policy"]).toBe("same-origin");
  for (const feature of ["camera=()", "microphone=()", "geolocation=()"]) expect(h["permissions-policy"]).toContain(feature);
  // Served over plain http here (NEXTAUTH_URL is not https): no HSTS. e2e/api/https-public-url.spec.ts covers https.
  expect(h["strict-transport-security"]).toBeUndefined();
}

test.describe("security headers", () => {
  test("pages carry the CSP and the fixed headers", async ({ request }) => {
    const res = await request.get("/signin");
    expect(res.status()).toBe(200);
    expectSecurityHeaders(res);
    const csp = res.headers()["content-security-policy"]!;
    for (const d of ["object-src 'none'", "base-uri 'self'", "frame-ancestors 'none'", "form-action 'self'"]) expect(csp).toContain(d);
    expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  });

  test("static assets carry the fixed headers too", async ({ request }) => {
    const html = await (await request.get("/signin")).text();
    const asset = /\/_next\/static\/[^"]+\.js/.exec(html)?.[0];
    expect(asset).toBeTruthy();
    const res = await request.get(asset!);
    expect(res.status()).toBe(200);
    expectSecurityHeaders(res);
  });

  test("every API response is no-store, errors included", async ({ request }) => {
    const responses = [
      await request.get("/api/health"),
      await request.get("/api/v1/incidents", { headers: bearer("viewer") }),
      await request.get("/api/v1/incidents"),
      await request.get("/api/v1/incidents/INC-99999999", { headers: bearer("viewer") }),
      await request.post("/api/v1/incidents", { headers: bearer("responder"), data: { title: "" } }),
      await request.get("/api/v1/no-such-endpoint", { headers: bearer("viewer") }),
      await request.get("/api/auth/csrf"),
    ];
    expect(responses.map((r) => r.status())).toEqual([200, 200, 401, 404, 400, 404, 200]);
    for (const res of responses) {
      // Next.js's own not-found page adds "private, no-cache, …" around the no-store.
      expect(res.headers()["cache-control"], res.url()).toMatch(/(^|, )no-store(,|$)/);
      expectSecurityHeaders(res);
    }
  });
});

test.describe("server actions need a same-origin request", () => {
  test.use({ storageState: storageStateFor("admin") });

  const action = { "Next-Action": "0000000000000000000000000000000000000000", "Content-Type": "text/plain;charset=UTF-8" };

  test("a cross-site Origin is refused with 403", async ({ request, baseURL }) => {
    for (const headers of [
      { ...action, Origin: "https://evil.example" },
      { ...action, Origin: "https://evil.example", "Sec-Fetch-Site": "cross-site" },
      { ...action, Origin: baseURL!, "Sec-Fetch-Site": "same-site" },
    ]) {
      const res = await request.post("/incidents", { headers, data: "[]" });
      const body = await expectError(res, 403);
      expect(body.error.code).toBe("forbidden");
    }
  });

  test("no Origin and no Sec-Fetch-Site is refused with 403", async ({ request }) => {
    await expectError(await request.post("/incidents", { headers: action, data: "[]" }), 403);
  });

  test("a cross-site form post to a page (no-JS server action) is refused", async ({ request }) => {
    const res = await request.post("/incidents", { headers: { Origin: "https://evil.example" }, form: { $ACTION_ID_0000: "" } });
    await expectError(res, 403);
  });

  test("a same-origin call reaches Next.js (an unknown action is not a 403)", async ({ request, baseURL }) => {
    const res = await request.post("/incidents", { headers: { ...action, Origin: baseURL!, "Sec-Fetch-Site": "same-origin" }, data: "[]" });
    expect(res.status()).not.toBe(403);
    expect(res.status()).toBeLessThan(500);
  });
});
