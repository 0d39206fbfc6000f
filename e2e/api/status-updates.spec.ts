import { expect, test } from "@playwright/test";
import { bearer } from "../support/fixtures";
import { declare, expectError, marker, timeline } from "../support/api/helpers";

test.describe("PATCH /api/v1/incidents/{ref} with a status update message", () => {
  test("posts the message to the timeline as an update with the status change", async ({ request }) => {
    const incident = await declare(request, { title: marker("Status update via API"), severity: "SEV2" });
    const res = await request.patch(`/api/v1/incidents/${incident.reference}`, {
      headers: bearer("responder"),
      data: { version: incident.version, status: "monitoring", message: "Fix deployed; watching error rates." },
    });
    expect(res.status(), await res.text()).toBe(200);
    const entries = await timeline(request, incident.reference);
    const update = entries.find((e) => e.kind === "update" && e.body === "Fix deployed; watching error rates.");
    expect(update, JSON.stringify(entries)).toBeTruthy();
    expect(update!.author).toBe('API token "e2e responder"');
    expect(update!.meta).toMatchObject({ field: "message", status: "monitoring" });
    expect(entries.some((e) => e.kind === "status" && e.body === "Status changed from Investigating to Monitoring")).toBe(true);
  });

  test("rejects a message without a status, an over-long one, and keeps nothing on a stale version", async ({ request }) => {
    const incident = await declare(request, { title: marker("Bad status update"), severity: "SEV3" });
    const url = `/api/v1/incidents/${incident.reference}`;
    await expectError(await request.patch(url, { headers: bearer("responder"), data: { version: incident.version, message: "hi" } }), 400, "message");
    await expectError(
      await request.patch(url, { headers: bearer("responder"), data: { version: incident.version, status: "identified", message: "x".repeat(2001) } }),
      400,
      "message",
    );
    const before = (await timeline(request, incident.reference)).length;
    const stale = await expectError(
      await request.patch(url, { headers: bearer("responder"), data: { version: incident.version + 5, status: "identified", message: "late" } }),
      409,
    );
    expect(stale.error.code).toBe("conflict");
    expect(await timeline(request, incident.reference)).toHaveLength(before);
  });
});

test.describe("/api/v1/settings/update-cadence", () => {
  const DEFAULT = { SEV1: 15, SEV2: 30, SEV3: null, SEV4: null };
  test.afterEach(async ({ request }) => {
    await request.put("/api/v1/settings/update-cadence", { headers: bearer("admin"), data: DEFAULT });
  });

  test("admins read and set it; others get 403; bad values name the severity", async ({ request }) => {
    const url = "/api/v1/settings/update-cadence";
    const read = await request.get(url, { headers: bearer("admin") });
    expect(read.status()).toBe(200);
    expect(await read.json()).toEqual(DEFAULT);
    await expectError(await request.get(url, { headers: bearer("responder") }), 403);
    await expectError(await request.put(url, { headers: bearer("responder"), data: DEFAULT }), 403);
    await expectError(await request.put(url, { headers: bearer("admin"), data: { ...DEFAULT, SEV2: 0 } }), 400, "SEV2");
    await expectError(await request.put(url, { headers: bearer("admin"), data: { SEV1: 10 } }), 400, "SEV2");
    const saved = await request.put(url, { headers: bearer("admin"), data: { SEV1: 10, SEV2: 20, SEV3: 60, SEV4: null } });
    expect(saved.status()).toBe(200);
    expect(await (await request.get(url, { headers: bearer("admin") })).json()).toEqual({ SEV1: 10, SEV2: 20, SEV3: 60, SEV4: null });
  });
});
