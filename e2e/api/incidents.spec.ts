import { expect, test } from "@playwright/test";
import { bearer } from "../support/fixtures";
import { declare, expectError, getIncident, marker, search, timeline } from "../support/api/helpers";
import type { IncidentJson, TimelineEntryJson } from "../support/api/types";

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

test.describe("declaring", () => {
  test("POST returns 201 with the incident, its reference and a Location", async ({ request }) => {
    const title = marker("Checkout 5xx");
    const startedAt = new Date(Date.now() - 30 * 60_000).toISOString();
    const res = await request.post("/api/v1/incidents", {
      headers: bearer("responder"),
      data: { title, severity: "SEV2", summary: "Payments failing for EU customers", startedAt },
    });
    expect(res.status()).toBe(201);
    const incident = (await res.json()) as IncidentJson;
    expect(incident.reference).toMatch(/^INC-\d+$/);
    expect(incident.reference).toBe(`INC-${incident.id}`);
    expect(res.headers()["location"]).toBe(`/api/v1/incidents/${incident.reference}`);
    expect(res.headers()["idempotent-replayed"]).toBeUndefined();
    expect(incident).toMatchObject({
      title,
      summary: "Payments failing for EU customers",
      severity: "SEV2",
      status: "investigating",
      private: false,
      drill: false,
      version: 1,
      startedAt,
      mitigatedAt: null,
      resolvedAt: null,
      closedAt: null,
      responders: [],
    });
    expect(incident.declaredAt).toMatch(ISO);
    expect(incident.updatedAt).toMatch(ISO);
    expect(incident.timestampSources.startedAt).toBe("backdated");
    // A token is not a person: nobody is commander and nobody has acknowledged yet.
    expect(incident.commander).toBeNull();
    expect(incident.acknowledgedAt).toBeNull();
    expect(incident).not.toHaveProperty("createdById");

    const fetched = await getIncident(request, incident.reference, "viewer");
    expect(fetched).toEqual(incident);
  });

  test("defaults: impact started now, summary empty", async ({ request }) => {
    const before = Date.now();
    const incident = await declare(request, { title: marker("Defaults"), severity: "SEV4" });
    expect(incident.summary).toBe("");
    expect(Date.parse(incident.startedAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(incident.timestampSources.startedAt).toBe("status_change");
  });

  test("the same Idempotency-Key twice declares once", async ({ request }) => {
    const title = marker("Retried declare");
    const key = `key-${title}`;
    const send = (role: "responder" | "admin" = "responder") =>
      request.post("/api/v1/incidents", { headers: { ...bearer(role), "Idempotency-Key": key }, data: { title, severity: "SEV3" } });
    const first = await send();
    expect(first.status()).toBe(201);
    const second = await send();
    expect(second.status()).toBe(201);
    expect(second.headers()["idempotent-replayed"]).toBe("true");
    const a = (await first.json()) as IncidentJson;
    const b = (await second.json()) as IncidentJson;
    expect(b.reference).toBe(a.reference);
    expect(await search(request, title)).toHaveLength(1);

    // Keys belong to the caller: another token with the same key declares its own incident.
    const other = await send("admin");
    expect(other.status()).toBe(201);
    expect(((await other.json()) as IncidentJson).reference).not.toBe(a.reference);
    expect(await search(request, title)).toHaveLength(2);
  });

  test("100 concurrent requests with one Idempotency-Key still declare once", async ({ request }) => {
    const title = marker("Double click");
    const responses = await Promise.all(
      Array.from({ length: 100 }, () =>
        request.post("/api/v1/incidents", { headers: { ...bearer("responder"), "Idempotency-Key": title }, data: { title, severity: "SEV3" } }),
      ),
    );
    const references = new Set<string>();
    for (const res of responses) {
      expect(res.status()).toBe(201);
      references.add(((await res.json()) as IncidentJson).reference);
    }
    expect(references.size).toBe(1);
    expect(await search(request, title)).toHaveLength(1);
  });
});

test.describe("listing", () => {
  test("filters by status, severity and text, newest first, with a working cursor", async ({ request }) => {
    const word = marker("Listing");
    const a = await declare(request, { title: `${word} database failover`, severity: "SEV1" });
    const b = await declare(request, { title: `${word} slow search`, severity: "SEV3" });
    const c = await declare(request, { title: `Queue backlog`, summary: `mentions ${word} in the summary`, severity: "SEV3" });
    const resolved = await request.patch(`/api/v1/incidents/${a.reference}`, {
      headers: bearer("responder"),
      data: { version: a.version, status: "resolved" },
    });
    expect(resolved.status()).toBe(200);

    const list = async (query: string) => {
      const res = await request.get(`/api/v1/incidents?q=${encodeURIComponent(word)}&${query}`, { headers: bearer("viewer") });
      expect(res.status(), await res.text()).toBe(200);
      return (await res.json()) as { items: IncidentJson[]; nextCursor: string | null };
    };

    // Open incidents first, newest first; then the rest.
    const all = await list("");
    expect(all.items.map((i) => i.reference)).toEqual([c.reference, b.reference, a.reference]);
    expect(all.nextCursor).toBeNull();
    expect(all.items[0]).toHaveProperty("commander");
    expect(all.items[0]!.timestampSources).toBeDefined();

    expect((await list("status=resolved")).items.map((i) => i.reference)).toEqual([a.reference]);
    expect((await list("status=active")).items.map((i) => i.reference)).toEqual([c.reference, b.reference]);
    expect((await list("severity=SEV3")).items.map((i) => i.reference)).toEqual([c.reference, b.reference]);
    expect((await list("severity=SEV1&status=investigating")).items).toEqual([]);
    // Empty parameters mean "any".
    expect((await list("status=&severity=")).items).toHaveLength(3);

    // Search by reference too.
    const byRef = await request.get(`/api/v1/incidents?q=${b.reference}`, { headers: bearer("viewer") });
    expect(((await byRef.json()) as { items: IncidentJson[] }).items.map((i) => i.reference)).toContain(b.reference);

    // Page through one at a time.
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 5; page++) {
      const result = await list(`limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
      expect(result.items.length).toBeLessThanOrEqual(1);
      seen.push(...result.items.map((i) => i.reference));
      cursor = result.nextCursor;
      if (!cursor) break;
    }
    expect(seen).toEqual([c.reference, b.reference, a.reference]);
    expect(cursor).toBeNull();
  });

  test("limit defaults to 50 and is bounded", async ({ request }) => {
    const res = await request.get("/api/v1/incidents", { headers: bearer("viewer") });
    expect(res.status()).toBe(200);
    expect(((await res.json()) as { items: unknown[] }).items.length).toBeLessThanOrEqual(50);
    await expectError(await request.get("/api/v1/incidents?limit=201", { headers: bearer("viewer") }), 400, "limit");
    await expectError(await request.get("/api/v1/incidents?limit=0", { headers: bearer("viewer") }), 400, "limit");
    await expectError(await request.get("/api/v1/incidents?limit=ten", { headers: bearer("viewer") }), 400, "limit");
  });

  test("bad filters and cursors are 400s naming the parameter", async ({ request }) => {
    await expectError(await request.get("/api/v1/incidents?cursor=not-a-cursor", { headers: bearer("viewer") }), 400, "cursor");
    await expectError(await request.get("/api/v1/incidents?severity=SEV5", { headers: bearer("viewer") }), 400, "severity");
    await expectError(await request.get("/api/v1/incidents?status=done", { headers: bearer("viewer") }), 400, "status");
    await expectError(await request.get(`/api/v1/incidents?q=${"x".repeat(201)}`, { headers: bearer("viewer") }), 400, "q");
  });

  test("drill-down filters as /insights links them: started days, several severities, drills; bad ones name the parameter", async ({ request }) => {
    const tag = marker("Drill-down");
    // Noon UTC: the same calendar day in any organisation time zone another test may leave set.
    const at = (day: string) => `${day}T12:00:00.000Z`;
    const a = await declare(request, { title: `${tag} a`, severity: "SEV1", startedAt: at("2024-03-10") });
    const b = await declare(request, { title: `${tag} b`, severity: "SEV2", startedAt: at("2024-03-12"), drill: true });
    await declare(request, { title: `${tag} c`, severity: "SEV2", startedAt: at("2024-03-13") });
    await declare(request, { title: `${tag} d`, severity: "SEV3", startedAt: at("2024-03-11") });
    const list = (query: string) => request.get(`/api/v1/incidents?q=${encodeURIComponent(tag)}&${query}`, { headers: bearer("viewer") });
    const refs = async (query: string) => {
      const res = await list(query);
      expect(res.status(), await res.text()).toBe(200);
      return ((await res.json()) as { items: IncidentJson[] }).items.map((i) => i.reference).sort();
    };
    expect(await refs("from=2024-03-10&to=2024-03-12&severity=SEV1,SEV2")).toEqual([a.reference, b.reference].sort());
    expect(await refs("from=2024-03-10&to=2024-03-12&severity=SEV1,SEV2&drill=0")).toEqual([a.reference]);
    expect(await refs("severity=SEV2&drill=1")).toEqual([b.reference]);
    expect(await refs("from=2024-03-11&to=2024-03-11")).toHaveLength(1);

    const unknownTeam = await expectError(await list("team=999999"), 400, "team");
    expect(unknownTeam.error.fields).toEqual({ team: "Unknown team 999999" });
    expect((await expectError(await list("from=2024-03-12&to=2024-03-10"), 400, "to")).error.fields).toEqual({ to: "Must be on or after from (2024-03-12)" });
    await expectError(await list("from=2024-02-30"), 400, "from");
    await expectError(await list("severity=SEV1,SEV9"), 400, "severity");
    await expectError(await list("drill=yes"), 400, "drill");
  });
});

test.describe("running an incident", () => {
  test("resolving fills mitigated and resolved; reopening clears them", async ({ request }) => {
    const incident = await declare(request, { title: marker("Resolve me"), severity: "SEV2" });
    const res = await request.patch(`/api/v1/incidents/${incident.reference}`, {
      headers: bearer("responder"),
      data: { version: incident.version, status: "resolved" },
    });
    expect(res.status(), await res.text()).toBe(200);
    const resolved = (await res.json()) as IncidentJson;
    expect(resolved.status).toBe("resolved");
    expect(resolved.version).toBeGreaterThan(incident.version);
    expect(resolved.mitigatedAt).toMatch(ISO);
    expect(resolved.resolvedAt).toMatch(ISO);
    expect(resolved.acknowledgedAt).toMatch(ISO);
    expect(resolved.timestampSources).toMatchObject({ mitigatedAt: "status_change", resolvedAt: "status_change" });

    const reopened = await request.patch(`/api/v1/incidents/${incident.reference}`, {
      headers: bearer("responder"),
      data: { version: resolved.version, status: "investigating" },
    });
    expect(reopened.status()).toBe(200);
    expect(await reopened.json()).toMatchObject({ status: "investigating", mitigatedAt: null, resolvedAt: null });
  });

  test("edits title, severity, roles and timestamps, each on the timeline", async ({ request }) => {
    const incident = await declare(request, { title: marker("Edit me"), severity: "SEV3" });
    const startedAt = new Date(Date.now() - 60 * 60_000).toISOString();
    const detectedAt = new Date(Date.now() - 45 * 60_000).toISOString();
    const res = await request.patch(`/api/v1/incidents/${incident.reference}`, {
      headers: bearer("responder"),
      data: {
        version: incident.version,
        title: `${incident.title} (renamed)`,
        severity: "SEV1",
        commanderEmail: "responder@example.test",
        scribeEmail: "responder2@example.test",
        startedAt,
        detectedAt,
      },
    });
    expect(res.status(), await res.text()).toBe(200);
    const updated = (await res.json()) as IncidentJson;
    expect(updated).toMatchObject({
      title: `${incident.title} (renamed)`,
      severity: "SEV1",
      startedAt,
      detectedAt,
      commander: { name: "Riley Responder", email: "responder@example.test" },
      scribe: { name: "Sam Second", email: "responder2@example.test" },
      communications: null,
    });
    expect(updated.timestampSources).toMatchObject({ startedAt: "manual", detectedAt: "manual" });

    const entries = await timeline(request, incident.reference);
    const fields = entries.map((e) => e.meta?.field);
    expect(fields).toEqual(expect.arrayContaining(["status", "title", "severity", "commander", "scribe", "startedAt", "detectedAt"]));
    const severity = entries.find((e) => e.kind === "severity")!;
    expect(severity.meta).toEqual({ field: "severity", from: "SEV3", to: "SEV1" });
    expect(severity.author).toBe('API token "e2e responder"');

    // An unknown person cannot be given a role.
    const bad = await request.patch(`/api/v1/incidents/${incident.reference}`, {
      headers: bearer("responder"),
      data: { version: updated.version, commanderEmail: "nobody@example.test" },
    });
    await expectError(bad, 400, "commanderEmail");
  });

  test("a stale version gets 409 with the current incident and changes nothing", async ({ request }) => {
    const incident = await declare(request, { title: marker("Race"), severity: "SEV3" });
    const url = `/api/v1/incidents/${incident.reference}`;
    const first = await request.patch(url, { headers: bearer("responder"), data: { version: incident.version, title: "First writer wins" } });
    expect(first.status()).toBe(200);
    const second = await request.patch(url, { headers: bearer("admin"), data: { version: incident.version, severity: "SEV1", title: "Second writer" } });
    const body = (await expectError(second, 409, "version")) as unknown as { error: { code: string }; current: IncidentJson };
    expect(body.error.code).toBe("conflict");
    expect(body.current).toMatchObject({ reference: incident.reference, title: "First writer wins", severity: "SEV3", version: incident.version + 1 });
    expect(body.current).toHaveProperty("timestampSources");
    expect(body.current).not.toHaveProperty("people");
    const now = await getIncident(request, incident.reference);
    expect(now).toMatchObject({ title: "First writer wins", severity: "SEV3", version: incident.version + 1 });
  });

  test("100 concurrent edits of one version: exactly one 200, 99 conflicts", async ({ request }) => {
    const incident = await declare(request, { title: marker("Stampede"), severity: "SEV3" });
    const url = `/api/v1/incidents/${incident.reference}`;
    const responses = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        request.patch(url, { headers: bearer(i % 2 ? "admin" : "responder"), data: { version: incident.version, title: `Writer ${i}` } }),
      ),
    );
    const statuses = responses.map((res) => res.status());
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(99);
    const winner = (await responses[statuses.indexOf(200)]!.json()) as IncidentJson;
    const now = await getIncident(request, incident.reference);
    expect(now).toMatchObject({ title: winner.title, version: incident.version + 1 });
    expect((await timeline(request, incident.reference)).filter((e) => e.meta?.field === "title")).toHaveLength(1);
  });

  test("a PATCH that changes nothing keeps the version", async ({ request }) => {
    const incident = await declare(request, { title: marker("No-op"), severity: "SEV3" });
    const res = await request.patch(`/api/v1/incidents/${incident.reference}`, {
      headers: bearer("responder"),
      data: { version: incident.version, severity: "SEV3" },
    });
    expect(res.status()).toBe(200);
    expect(((await res.json()) as IncidentJson).version).toBe(incident.version);
  });

  test("references are case-insensitive", async ({ request }) => {
    const incident = await declare(request, { title: marker("Lowercase"), severity: "SEV4" });
    const res = await request.get(`/api/v1/incidents/${incident.reference.toLowerCase()}`, { headers: bearer("viewer") });
    expect(res.status()).toBe(200);
    expect(((await res.json()) as IncidentJson).reference).toBe(incident.reference);
  });
});

test.describe("timeline", () => {
  test("notes are added, backdated notes sort by when they happened, changes write their own entries", async ({ request }) => {
    const incident = await declare(request, { title: marker("Timeline"), severity: "SEV3" }, "responder");
    const url = `/api/v1/incidents/${incident.reference}/timeline`;

    // Declaring writes the declaration entry (plus a checklist entry per matching playbook).
    const initial = (await timeline(request, incident.reference, "viewer")).filter((e) => e.kind !== "checklist");
    expect(initial).toHaveLength(1);
    expect(initial[0]).toMatchObject({ kind: "status", highlighted: true, meta: { field: "status", from: null, to: "investigating" } });

    const noteRes = await request.post(url, { headers: bearer("responder"), data: { body: "Rolled back **deploy 1234**" } });
    expect(noteRes.status(), await noteRes.text()).toBe(201);
    const note = (await noteRes.json()) as TimelineEntryJson;
    expect(note).toMatchObject({ kind: "note", body: "Rolled back **deploy 1234**", highlighted: false, meta: null, author: 'API token "e2e responder"' });
    expect(note.occurredAt).toMatch(ISO);

    const earlier = new Date(Date.now() - 2 * 60 * 60_000).toISOString();
    const backdated = await request.post(url, { headers: bearer("admin"), data: { body: "Alert fired", occurredAt: earlier, highlighted: true } });
    expect(backdated.status()).toBe(201);
    expect(await backdated.json()).toMatchObject({ occurredAt: earlier, highlighted: true, author: 'API token "e2e admin"' });

    const current = await getIncident(request, incident.reference);
    const patched = await request.patch(`/api/v1/incidents/${incident.reference}`, {
      headers: bearer("responder"),
      data: { version: current.version, severity: "SEV2", status: "monitoring" },
    });
    expect(patched.status()).toBe(200);

    const entries = await timeline(request, incident.reference, "viewer");
    expect(entries[0]!.body).toBe("Alert fired");
    expect(entries.map((e) => e.body)).toContain("Rolled back **deploy 1234**");
    expect(entries.find((e) => e.kind === "severity")?.meta).toEqual({ field: "severity", from: "SEV3", to: "SEV2" });
    expect(entries.find((e) => e.kind === "status" && (e.meta as { to?: string }).to === "monitoring")?.meta).toEqual({
      field: "status",
      from: "investigating",
      to: "monitoring",
    });
    const times = entries.map((e) => Date.parse(e.occurredAt));
    expect([...times].sort((x, y) => x - y)).toEqual(times);
  });

  test("entries can be highlighted and unhighlighted", async ({ request }) => {
    const incident = await declare(request, { title: marker("Highlight"), severity: "SEV3" });
    const noteRes = await request.post(`/api/v1/incidents/${incident.reference}/timeline`, { headers: bearer("responder"), data: { body: "Key finding" } });
    const note = (await noteRes.json()) as TimelineEntryJson;
    const url = `/api/v1/incidents/${incident.reference}/timeline/${note.id}`;

    const on = await request.patch(url, { headers: bearer("responder"), data: { highlighted: true } });
    expect(on.status()).toBe(200);
    expect(await on.json()).toMatchObject({ id: note.id, highlighted: true });
    expect((await timeline(request, incident.reference)).find((e) => e.id === note.id)?.highlighted).toBe(true);

    const off = await request.patch(url, { headers: bearer("responder"), data: { highlighted: false } });
    expect(off.status()).toBe(200);
    expect(((await off.json()) as TimelineEntryJson).highlighted).toBe(false);

    await expectError(await request.patch(url, { headers: bearer("responder"), data: { highlighted: "yes" } }), 400, "highlighted");
    await expectError(await request.patch(url, { headers: bearer("responder"), data: { highlighted: true, body: "x" } }), 400, "body");
    await expectError(await request.patch(url, { headers: bearer("viewer"), data: { highlighted: true } }), 403);
    await expectError(
      await request.patch(`/api/v1/incidents/${incident.reference}/timeline/abc`, { headers: bearer("responder"), data: { highlighted: true } }),
      404,
    );
    await expectError(
      await request.patch(`/api/v1/incidents/${incident.reference}/timeline/999999999`, { headers: bearer("responder"), data: { highlighted: true } }),
      404,
    );

    // An entry id from another incident is not found under this one.
    const other = await declare(request, { title: marker("Other"), severity: "SEV4" });
    await expectError(
      await request.patch(`/api/v1/incidents/${other.reference}/timeline/${note.id}`, { headers: bearer("responder"), data: { highlighted: true } }),
      404,
    );
  });
});
