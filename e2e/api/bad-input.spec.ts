import { expect, test } from "@playwright/test";
import { bearer } from "../support/fixtures";
import { declare, expectError, getIncident, marker, search, timeline } from "../support/api/helpers";

const future = "2099-01-01T00:00:00Z";

test.describe("declaring with bad input: a 400 naming the field, and nothing stored", () => {
  const cases: { name: string; body: (title: string) => Record<string, unknown>; field: string }[] = [
    { name: "missing title", body: () => ({ severity: "SEV2" }), field: "title" },
    { name: "empty title", body: () => ({ title: "", severity: "SEV2" }), field: "title" },
    { name: "blank title", body: () => ({ title: "   ", severity: "SEV2" }), field: "title" },
    { name: "201-character title", body: (t) => ({ title: `${t} ${"x".repeat(201)}`.slice(0, 201), severity: "SEV2" }), field: "title" },
    { name: "title as a number", body: () => ({ title: 42, severity: "SEV2" }), field: "title" },
    { name: "missing severity", body: (t) => ({ title: t }), field: "severity" },
    { name: "unknown severity", body: (t) => ({ title: t, severity: "SEV5" }), field: "severity" },
    { name: "lower-case severity", body: (t) => ({ title: t, severity: "sev1" }), field: "severity" },
    { name: "summary as an object", body: (t) => ({ title: t, severity: "SEV2", summary: { text: "x" } }), field: "summary" },
    { name: "private as a string", body: (t) => ({ title: t, severity: "SEV2", private: "yes" }), field: "private" },
    { name: "startedAt not a date", body: (t) => ({ title: t, severity: "SEV2", startedAt: "yesterday" }), field: "startedAt" },
    { name: "startedAt without a zone", body: (t) => ({ title: t, severity: "SEV2", startedAt: "2026-01-01T10:00:00" }), field: "startedAt" },
    { name: "startedAt impossible date", body: (t) => ({ title: t, severity: "SEV2", startedAt: "2026-02-30T10:00:00Z" }), field: "startedAt" },
    { name: "startedAt as epoch number", body: (t) => ({ title: t, severity: "SEV2", startedAt: 1767225600000 }), field: "startedAt" },
    { name: "startedAt in the future", body: (t) => ({ title: t, severity: "SEV2", startedAt: future }), field: "startedAt" },
    {
      name: "detectedAt before startedAt",
      body: (t) => ({
        title: t,
        severity: "SEV2",
        startedAt: new Date(Date.now() - 60_000).toISOString(),
        detectedAt: new Date(Date.now() - 3_600_000).toISOString(),
      }),
      field: "detectedAt",
    },
    { name: "unknown field", body: (t) => ({ title: t, severity: "SEV2", owner: "me" }), field: "owner" },
    { name: "status on declare", body: (t) => ({ title: t, severity: "SEV2", status: "resolved" }), field: "status" },
  ];

  for (const c of cases) {
    test(c.name, async ({ request }) => {
      const title = marker("Bad declare");
      const body = await expectError(await request.post("/api/v1/incidents", { headers: bearer("responder"), data: c.body(title) }), 400, c.field);
      expect(body.error.code).toBe("validation_failed");
      if (c.field === "owner") expect(body.error.fields!.owner).toBe("Unknown field");
      expect(await search(request, title)).toHaveLength(0);
    });
  }

  test("several bad fields are all named", async ({ request }) => {
    const body = await expectError(
      await request.post("/api/v1/incidents", { headers: bearer("responder"), data: { title: "", severity: "SEV9", startedAt: "soon" } }),
      400,
    );
    expect(Object.keys(body.error.fields!).sort()).toEqual(["severity", "startedAt", "title"]);
  });

  test("a 200-character title is fine", async ({ request }) => {
    const title = marker("Long").padEnd(200, "x");
    const incident = await declare(request, { title, severity: "SEV4" });
    expect(incident.title).toHaveLength(200);
  });
});

test.describe("bodies that are not JSON objects", () => {
  test("invalid JSON → 400", async ({ request }) => {
    const res = await request.post("/api/v1/incidents", {
      headers: { ...bearer("responder"), "Content-Type": "application/json" },
      data: '{"title": "Broken", "severity": ',
    });
    await expectError(res, 400, "body");
  });

  test("a JSON array, string or null → 400", async ({ request }) => {
    for (const data of ["[]", '"title"', "null", "42"]) {
      const res = await request.post("/api/v1/incidents", { headers: { ...bearer("responder"), "Content-Type": "application/json" }, data });
      await expectError(res, 400, "body");
    }
  });

  test("an empty body → 400", async ({ request }) => {
    const res = await request.post("/api/v1/incidents", { headers: { ...bearer("responder"), "Content-Type": "application/json" }, data: "" });
    await expectError(res, 400);
  });

  test("wrong content type → 415", async ({ request }) => {
    const title = marker("Form post");
    for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]) {
      const res = await request.post("/api/v1/incidents", {
        headers: { ...bearer("responder"), "Content-Type": type },
        data: JSON.stringify({ title, severity: "SEV2" }),
      });
      const body = await expectError(res, 415);
      expect(body.error.code).toBe("unsupported_media_type");
    }
    expect(await search(request, title)).toHaveLength(0);
  });

  test("a body over 1 MB → 413", async ({ request }) => {
    const title = marker("Huge");
    const res = await request.post("/api/v1/incidents", {
      headers: bearer("responder"),
      data: { title, severity: "SEV2", summary: "x".repeat(1024 * 1024 + 10) },
    });
    const body = await expectError(res, 413);
    expect(body.error.code).toBe("payload_too_large");
    expect(await search(request, title)).toHaveLength(0);

    const incident = await declare(request, { title: marker("Huge note target"), severity: "SEV4" });
    const note = await request.post(`/api/v1/incidents/${incident.reference}/timeline`, {
      headers: bearer("responder"),
      data: { body: "y".repeat(1_100_000) },
    });
    await expectError(note, 413);
  });
});

test.describe("changing an incident with bad input: 400 naming the field, and nothing changed", () => {
  const cases: { name: string; body: (version: number) => Record<string, unknown>; field: string }[] = [
    { name: "no version", body: () => ({ status: "resolved" }), field: "version" },
    { name: "version as a string", body: (v) => ({ version: String(v), status: "resolved" }), field: "version" },
    { name: "unknown status", body: (v) => ({ version: v, status: "fixed" }), field: "status" },
    { name: "unknown severity", body: (v) => ({ version: v, severity: "SEV0" }), field: "severity" },
    { name: "empty title", body: (v) => ({ version: v, title: "" }), field: "title" },
    { name: "201-character title", body: (v) => ({ version: v, title: "t".repeat(201) }), field: "title" },
    { name: "resolvedAt in the future", body: (v) => ({ version: v, resolvedAt: future }), field: "resolvedAt" },
    { name: "startedAt cleared", body: (v) => ({ version: v, startedAt: null }), field: "startedAt" },
    { name: "detectedAt before startedAt", body: (v) => ({ version: v, detectedAt: "2001-01-01T00:00:00Z" }), field: "detectedAt" },
    { name: "mitigatedAt before startedAt", body: (v) => ({ version: v, mitigatedAt: "2001-01-01T00:00:00Z" }), field: "mitigatedAt" },
    { name: "commanderEmail not an email", body: (v) => ({ version: v, commanderEmail: "riley" }), field: "commanderEmail" },
    { name: "unknown field", body: (v) => ({ version: v, reference: "INC-1" }), field: "reference" },
  ];

  for (const c of cases) {
    test(c.name, async ({ request }) => {
      const incident = await declare(request, { title: marker("Bad patch"), severity: "SEV3" });
      const entriesBefore = await timeline(request, incident.reference);
      const res = await request.patch(`/api/v1/incidents/${incident.reference}`, { headers: bearer("responder"), data: c.body(incident.version) });
      await expectError(res, 400, c.field);
      const after = await getIncident(request, incident.reference);
      expect(after).toEqual(incident);
      expect(await timeline(request, incident.reference)).toEqual(entriesBefore);
    });
  }
});

test.describe("notes with bad input", () => {
  test("empty, too long, wrong type, future or unknown fields → 400 naming the field", async ({ request }) => {
    const incident = await declare(request, { title: marker("Bad notes"), severity: "SEV3" });
    const entriesBefore = await timeline(request, incident.reference);
    const url = `/api/v1/incidents/${incident.reference}/timeline`;
    const post = (data: Record<string, unknown>) => request.post(url, { headers: bearer("responder"), data });
    await expectError(await post({}), 400, "body");
    await expectError(await post({ body: "" }), 400, "body");
    await expectError(await post({ body: "  \n " }), 400, "body");
    await expectError(await post({ body: "n".repeat(20_001) }), 400, "body");
    await expectError(await post({ body: 7 }), 400, "body");
    await expectError(await post({ body: "ok", occurredAt: future }), 400, "occurredAt");
    await expectError(await post({ body: "ok", occurredAt: "last tuesday" }), 400, "occurredAt");
    await expectError(await post({ body: "ok", highlighted: "true" }), 400, "highlighted");
    await expectError(await post({ body: "ok", kind: "status" }), 400, "kind");
    expect(await timeline(request, incident.reference)).toEqual(entriesBefore);

    // 20,000 characters is the limit, inclusive.
    expect((await post({ body: "n".repeat(20_000) })).status()).toBe(201);
  });
});

test.describe("references that do not exist", () => {
  for (const ref of ["INC-999999", "nonsense", "INC-0", "INC--1", "42", "INC-1.5", "INC-99999999999999999999"]) {
    test(`${ref} → 404 everywhere`, async ({ request }) => {
      for (const res of [
        await request.get(`/api/v1/incidents/${ref}`, { headers: bearer("admin") }),
        await request.patch(`/api/v1/incidents/${ref}`, { headers: bearer("admin"), data: { version: 1, title: "x" } }),
        await request.get(`/api/v1/incidents/${ref}/timeline`, { headers: bearer("admin") }),
        await request.post(`/api/v1/incidents/${ref}/timeline`, { headers: bearer("admin"), data: { body: "x" } }),
        await request.patch(`/api/v1/incidents/${ref}/timeline/1`, { headers: bearer("admin"), data: { highlighted: true } }),
      ]) {
        const body = await expectError(res, 404);
        expect(body.error.code).toBe("not_found");
      }
    });
  }

  test("an unsupported method is not a 500", async ({ request }) => {
    const res = await request.delete("/api/v1/incidents", { headers: bearer("admin") });
    expect(res.status()).toBe(405);
  });
});
