import { expect, test } from "@playwright/test";

// Browsers ask for /favicon.ico on every page, signed in or not.
test("GET /favicon.ico answers 200 with an image", async ({ request }) => {
  const res = await request.get("/favicon.ico");
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toMatch(/^image\//);
  expect((await res.body()).byteLength).toBeGreaterThan(0);
});

test("the app icon is linked from pages", async ({ request }) => {
  const html = await (await request.get("/signin")).text();
  expect(html).toMatch(/<link rel="icon"[^>]*href="\/(favicon\.ico|icon\.svg)/);
});
