import { expect, test } from "@playwright/test";
import { bearer, storageStateFor } from "../support/fixtures";
import { expectError } from "../support/api/helpers";

// Every dynamic segment of the API, filled with percent-escapes that do not decode.
const API_PATHS = [
  "/api/v1/incidents/%",
  "/api/v1/incidents/%ff",
  "/api/v1/incidents/%ff/timeline",
  "/api/v1/incidents/INC-1/timeline/%c0%af",
  "/api/v1/incidents/%ff/action-items",
  "/api/v1/incidents/%ff/checklist",
  "/api/v1/incidents/%ff/postmortem",
  "/api/v1/incidents/%ff/postmortem.md",
  "/api/v1/incidents/%ff/postmortem/comments",
  "/api/v1/incidents/%ff/postmortem/review-checklist",
  "/api/v1/incidents/%ff/postmortem/reviewers",
  "/api/v1/incidents/%ff/postmortem/timeline",
  "/api/v1/incidents/%ff/postmortem/transitions",
  "/api/v1/incidents/%ff/services",
  "/api/v1/incidents/INC-1/services/%c0%af",
  "/api/v1/incidents/INC-1/slo-overrides/%e2%82",
  "/api/v1/incidents/%ff/slo-spend",
  "/api/v1/services/%c0%af",
  "/api/v1/services/%c0%af/slos",
  "/api/v1/slos/%zz",
  "/api/v1/playbooks/%",
  "/api/v1/action-items/%ff",
  "/api/v1/checklist-items/%ff",
  "/api/v1/nothing-here/%ff",
];

test.describe("malformed percent-escapes in API paths", () => {
  for (const path of API_PATHS) {
    test(`GET ${path} → 400 naming the path`, async ({ request }) => {
      const res = await request.get(path, { headers: bearer("admin") });
      const body = await expectError(res, 400, "path");
      expect(body.error.code).toBe("validation_failed");
      expect((body.error as { requestId?: string }).requestId).toBe(res.headers()["x-request-id"]);
      expect(res.headers()["cache-control"]).toBe("no-store");
    });
  }

  test("writes with a malformed path are refused the same way", async ({ request }) => {
    for (const [method, path] of [
      ["PATCH", "/api/v1/incidents/%ff"],
      ["POST", "/api/v1/incidents/%ff/timeline"],
      ["DELETE", "/api/v1/incidents/INC-1/services/%c0%af"],
      ["PUT", "/api/v1/incidents/%/postmortem"],
    ] as const) {
      const res = await request.fetch(path, { method, headers: bearer("admin"), data: {} });
      await expectError(res, 400, "path");
    }
  });

  test("without credentials it is still a 400, not a 500", async ({ request }) => {
    await expectError(await request.get("/api/v1/incidents/%ff"), 400, "path");
  });

  test("a well-formed escape still reaches the route", async ({ request }) => {
    const res = await request.get("/api/v1/incidents/%49NC-999999", { headers: bearer("admin") });
    expect(res.status()).toBe(404);
  });
});

test.describe("malformed percent-escapes in page paths", () => {
  test.use({ storageState: storageStateFor("admin") });

  for (const path of [
    "/incidents/%ff",
    "/incidents/%",
    "/incidents/%c0%af/postmortem",
    "/services/%c0%af",
    "/admin/playbooks/%ff",
    "/print/incidents/%ff/postmortem",
    "/nothing-here/%e2%82",
  ]) {
    test(`${path} → the not-found page with 404`, async ({ request }) => {
      const res = await request.get(path);
      expect(res.status()).toBe(404);
      expect(await res.text()).toMatch(/not found/i);
    });
  }
});
