import { expect, test } from "@playwright/test";
import { bearer } from "../support/fixtures";

test("every response carries an X-Request-Id; a safe incoming one is kept", async ({ request }) => {
  const fresh = await request.get("/api/health");
  expect(fresh.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  const other = await request.get("/api/health");
  expect(other.headers()["x-request-id"]).not.toBe(fresh.headers()["x-request-id"]);

  const kept = await request.get("/api/v1/incidents?limit=1", { headers: { ...bearer("viewer"), "X-Request-Id": "client-req.42_A-b" } });
  expect(kept.headers()["x-request-id"]).toBe("client-req.42_A-b");
  const page = await request.get("/signin", { headers: { "X-Request-Id": "page-req-1" } });
  expect(page.headers()["x-request-id"]).toBe("page-req-1");
});

test("an unsafe or over-long incoming id is replaced", async ({ request }) => {
  for (const unsafe of ["has space", "x".repeat(101), "semi;colon", "<script>"]) {
    const res = await request.get("/api/health", { headers: { "X-Request-Id": unsafe } });
    expect(res.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  }
});

test("API error bodies name the request id", async ({ request }) => {
  const missing = await request.get("/api/v1/incidents/INC-999999999", { headers: { ...bearer("viewer"), "X-Request-Id": "err-req-1" } });
  expect(missing.status()).toBe(404);
  expect((await missing.json()).error).toMatchObject({ code: "not_found", requestId: "err-req-1" });
  const invalid = await request.post("/api/v1/incidents", { headers: bearer("responder"), data: { title: "" } });
  expect(invalid.status()).toBe(400);
  const body = await invalid.json();
  expect(body.error.code).toBe("validation_failed");
  expect(body.error.requestId).toBe(invalid.headers()["x-request-id"]);
});
