import { expect, test } from "@playwright/test";
import { bearer } from "../support/fixtures";
import { declare, expectError, marker, sessionFor, timeline } from "../support/api/helpers";
import { checklist, deletePlaybooksNamed } from "../support/api/playbooks";
import type { ChecklistItemJson, PlaybookJson } from "../support/api/types";

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const MAJOR = "Major incident (SEV1/SEV2)";

test.describe("checklist API", () => {
  test("a SEV2 starts with the default major-incident checklist; checking and unchecking are on the timeline", async ({ request }) => {
    const incident = await declare(request, { title: marker("Checklist API"), severity: "SEV2" });
    const list = await checklist(request, incident.reference, "viewer");
    const major = list.items.filter((i) => i.playbook === MAJOR);
    expect(major.length).toBeGreaterThanOrEqual(5);
    expect(major[0]).toEqual({
      id: expect.any(Number),
      text: "Assign an incident commander",
      link: null,
      playbook: MAJOR,
      position: 1,
      // Declared by a token, so nobody is commander yet: the item that ticks itself then is still open.
      done: false,
      doneAt: null,
      doneBy: null,
      autoCheck: "commander_assigned",
    });
    expect(list.items.map((i) => i.position)).toEqual([...list.items.map((i) => i.position)].sort((a, b) => a - b));
    expect(list.progress).toEqual({ done: 0, total: list.items.length });
    expect((await timeline(request, incident.reference)).filter((e) => e.kind === "checklist").map((e) => e.body)).toContain(
      `Playbook “${MAJOR}” added ${major.length} checklist items`,
    );

    const item = major[1]!;
    const url = `/api/v1/checklist-items/${item.id}`;
    const res = await request.patch(url, { headers: bearer("responder"), data: { done: true } });
    expect(res.status(), await res.text()).toBe(200);
    const checked = (await res.json()) as ChecklistItemJson;
    expect(checked).toMatchObject({ id: item.id, done: true, doneBy: 'API token "e2e responder"', text: item.text });
    expect(checked.doneAt).toMatch(ISO);
    expect((await checklist(request, incident.reference)).progress).toEqual({ done: 1, total: list.items.length });

    // The same state again: 200, nothing new on the timeline.
    const again = await request.patch(url, { headers: bearer("admin"), data: { done: true } });
    expect(again.status()).toBe(200);
    expect(await again.json()).toEqual(checked);

    const unchecked = await request.patch(url, { headers: bearer("admin"), data: { done: false } });
    expect(await unchecked.json()).toMatchObject({ done: false, doneAt: null, doneBy: null });
    const entries = (await timeline(request, incident.reference)).filter((e) => e.kind === "checklist");
    expect(entries.slice(-2).map((e) => [e.body, e.author])).toEqual([
      [`✓ Checked: ${item.text}`, 'API token "e2e responder"'],
      [`Unchecked: ${item.text}`, 'API token "e2e admin"'],
    ]);
  });

  test("role matrix: viewers read but cannot check; no credentials is 401; cross-site cookie writes are refused", async ({ request, playwright, baseURL }) => {
    const incident = await declare(request, { title: marker("Checklist roles"), severity: "SEV1" });
    const [item] = (await checklist(request, incident.reference, "viewer")).items;
    const url = `/api/v1/checklist-items/${item!.id}`;

    await expectError(await request.patch(url, { headers: bearer("viewer"), data: { done: true } }), 403);
    const viewerSession = await sessionFor(playwright, baseURL!, "viewer");
    await expectError(await viewerSession.patch(url, { data: { done: true } }), 403);
    expect((await viewerSession.get(`/api/v1/incidents/${incident.reference}/checklist`)).status()).toBe(200);
    await viewerSession.dispose();

    await expectError(await request.get(`/api/v1/incidents/${incident.reference}/checklist`), 401);
    await expectError(await request.patch(url, { data: { done: true } }), 401);

    const crossSite = await sessionFor(playwright, baseURL!, "responder", { sameOrigin: false });
    await expectError(await crossSite.patch(url, { data: { done: true }, headers: { Origin: "https://evil.example" } }), 403);
    await crossSite.dispose();
    expect((await checklist(request, incident.reference)).progress.done).toBe(0);

    // A responder's browser session can.
    const responder = await sessionFor(playwright, baseURL!, "responder");
    const ok = await responder.patch(url, { data: { done: true } });
    expect(ok.status(), await ok.text()).toBe(200);
    expect(await ok.json()).toMatchObject({ done: true, doneBy: "Riley Responder" });
    await responder.dispose();
  });

  test("a private incident's checklist is a 404 to those who cannot see the incident", async ({ request }) => {
    const incident = await declare(request, { title: marker("Private checklist"), severity: "SEV1", private: true }, "admin");
    const [item] = (await checklist(request, incident.reference, "admin")).items;
    for (const role of ["responder", "viewer"] as const) {
      await expectError(await request.get(`/api/v1/incidents/${incident.reference}/checklist`, { headers: bearer(role) }), 404);
      await expectError(await request.patch(`/api/v1/checklist-items/${item!.id}`, { headers: bearer(role), data: { done: true } }), 404);
    }
    expect((await checklist(request, incident.reference, "admin")).progress.done).toBe(0);
  });

  test("bad input: 400 naming the field, 404 for unknown ids and references, 415 for non-JSON", async ({ request }) => {
    const incident = await declare(request, { title: marker("Checklist bad input"), severity: "SEV2" });
    const [item] = (await checklist(request, incident.reference)).items;
    const url = `/api/v1/checklist-items/${item!.id}`;
    const patch = (data: unknown) => request.patch(url, { headers: bearer("responder"), data: data as Record<string, unknown> });
    await expectError(await patch({}), 400, "done");
    await expectError(await patch({ done: "true" }), 400, "done");
    await expectError(await patch({ done: 1 }), 400, "done");
    await expectError(await patch({ done: null }), 400, "done");
    await expectError(await patch({ done: true, doneBy: "someone else" }), 400, "doneBy");
    await expectError(await request.patch(url, { headers: { ...bearer("responder"), "Content-Type": "text/plain" }, data: "done=true" }), 415);
    for (const id of ["abc", "0", "-1", "1.5", "99999999"]) {
      await expectError(await request.patch(`/api/v1/checklist-items/${id}`, { headers: bearer("responder"), data: { done: true } }), 404);
    }
    await expectError(await request.get("/api/v1/incidents/INC-99999999/checklist", { headers: bearer("admin") }), 404);
    await expectError(await request.get("/api/v1/incidents/nonsense/checklist", { headers: bearer("admin") }), 404);
    expect((await checklist(request, incident.reference)).progress.done).toBe(0);
  });
});

test.describe("playbooks API", () => {
  test("admins create, change (409 on a stale version) and delete; everyone else reads", async ({ request }) => {
    const name = marker("API playbook");
    try {
      const body = {
        name,
        severities: ["SEV4"],
        items: [{ text: "First" }, { text: "Second", link: "https://wiki.example.com/x", autoCheck: "comms_lead_assigned" }],
      };
      await expectError(await request.post("/api/v1/playbooks", { headers: bearer("responder"), data: body }), 403);
      await expectError(await request.post("/api/v1/playbooks", { headers: bearer("viewer"), data: body }), 403);
      const created = await request.post("/api/v1/playbooks", { headers: bearer("admin"), data: body });
      expect(created.status(), await created.text()).toBe(201);
      const playbook = (await created.json()) as PlaybookJson;
      expect(playbook).toMatchObject({ name, severities: ["SEV4"], services: [], enabled: true, version: 1 });
      expect(playbook.items).toEqual([
        { position: 1, text: "First", link: null, autoCheck: null },
        { position: 2, text: "Second", link: "https://wiki.example.com/x", autoCheck: "comms_lead_assigned" },
      ]);
      const unknownCheck = await request.post("/api/v1/playbooks", { headers: bearer("admin"), data: { ...body, items: [{ text: "x", autoCheck: "moon" }] } });
      expect(unknownCheck.status()).toBe(400);
      expect(((await unknownCheck.json()) as { error: { fields: Record<string, string> } }).error.fields).toHaveProperty(["items.0.autoCheck"]);
      const list = (await (await request.get("/api/v1/playbooks", { headers: bearer("viewer") })).json()) as { items: PlaybookJson[] };
      expect(list.items.map((p) => p.name)).toEqual(expect.arrayContaining([name, MAJOR]));

      // A SEV4 declared now gets it, after the default minor checklist.
      const incident = await declare(request, { title: marker("SEV4 with playbook"), severity: "SEV4" });
      const items = (await checklist(request, incident.reference)).items.filter((i) => i.playbook === name);
      expect(items.map((i) => [i.text, i.autoCheck])).toEqual([
        ["First", null],
        ["Second", "comms_lead_assigned"],
      ]);

      const url = `/api/v1/playbooks/${playbook.id}`;
      await expectError(await request.patch(url, { headers: bearer("responder"), data: { version: 1, enabled: false } }), 403);
      const patched = await request.patch(url, { headers: bearer("admin"), data: { version: 1, enabled: false } });
      expect(await patched.json()).toMatchObject({ enabled: false, version: 2 });
      const stale = await request.patch(url, { headers: bearer("admin"), data: { version: 1, name: "Mine" } });
      await expectError(stale, 409);
      expect((await request.get(url, { headers: bearer("admin") })).status()).toBe(200);
      expect(((await stale.json()) as { current: PlaybookJson }).current).toMatchObject({ version: 2, enabled: false, name });

      await expectError(await request.delete(url, { headers: bearer("responder") }), 403);
      expect((await request.delete(url, { headers: bearer("admin") })).status()).toBe(204);
      await expectError(await request.get(url, { headers: bearer("admin") }), 404);
      // The incident keeps the items it was given.
      expect((await checklist(request, incident.reference)).items.filter((i) => i.playbook === name)).toHaveLength(2);
    } finally {
      await deletePlaybooksNamed(request, name);
    }
  });

  test("linking a service brings its playbook's items once; declaring with the service does too", async ({ request }) => {
    const slug = marker("pb-svc").toLowerCase();
    const name = marker("Service playbook");
    try {
      const service = await request.post("/api/v1/services", { headers: bearer("admin"), data: { slug, name: `Service ${slug}`, tier: 2 } });
      expect(service.status(), await service.text()).toBe(201);
      const created = await request.post("/api/v1/playbooks", {
        headers: bearer("admin"),
        data: { name, services: [slug.toUpperCase()], items: [{ text: "Check the service dashboard" }, { text: "Page its owners" }] },
      });
      expect(created.status(), await created.text()).toBe(201);
      expect(((await created.json()) as PlaybookJson).services).toEqual([{ slug, name: `Service ${slug}` }]);

      const incident = await declare(request, { title: marker("Service link"), severity: "SEV4" });
      expect((await checklist(request, incident.reference)).items.filter((i) => i.playbook === name)).toHaveLength(0);
      const link = (impact: string) =>
        request.post(`/api/v1/incidents/${incident.reference}/services`, { headers: bearer("responder"), data: { service: slug, impact } });
      expect((await link("degraded")).status()).toBe(200);
      // Changing the impact is not a new link: nothing is copied twice.
      expect((await link("full_outage")).status()).toBe(200);
      const list = await checklist(request, incident.reference);
      const mine = list.items.filter((i) => i.playbook === name);
      expect(mine.map((i) => i.text)).toEqual(["Check the service dashboard", "Page its owners"]);
      // After the default minor checklist, in order.
      expect(mine[0]!.position).toBeGreaterThan(Math.max(...list.items.filter((i) => i.playbook !== name).map((i) => i.position)));
      expect((await timeline(request, incident.reference)).filter((e) => e.body.includes(name))).toHaveLength(1);

      const declared = await declare(request, {
        title: marker("Declared on service"),
        severity: "SEV1",
        services: [{ service: slug, impact: "partial_outage" }],
      });
      const names = new Set((await checklist(request, declared.reference)).items.map((i) => i.playbook));
      expect([...names]).toEqual(expect.arrayContaining([MAJOR, name]));
    } finally {
      await deletePlaybooksNamed(request, name);
    }
  });

  test("bad playbooks: 400 naming the field, nothing created", async ({ request }) => {
    const name = marker("Bad playbook");
    const post = (data: Record<string, unknown>) => request.post("/api/v1/playbooks", { headers: bearer("admin"), data });
    const ok = { name, severities: ["SEV3"], items: [{ text: "x" }] };
    await expectError(await post({ ...ok, severities: [], serviceIds: [] }), 400, "severities");
    await expectError(await post({ ...ok, severities: ["SEV5"] }), 400, "severities.0");
    await expectError(await post({ ...ok, services: ["no-such-service-anywhere"] }), 400, "services");
    await expectError(await post({ ...ok, services: "search" }), 400, "services");
    await expectError(await post({ ...ok, services: [], serviceIds: [] }), 400, "services");
    // Role first: a responder gets 403 even with an unknown service.
    await expectError(await request.post("/api/v1/playbooks", { headers: bearer("responder"), data: { ...ok, services: ["nope"] } }), 403);
    await expectError(await post({ ...ok, items: [] }), 400, "items");
    await expectError(await post({ ...ok, items: [{ text: "" }] }), 400, "items.0.text");
    await expectError(await post({ ...ok, items: [{ text: "y".repeat(501) }] }), 400, "items.0.text");
    await expectError(await post({ ...ok, items: [{ text: "ok", link: "javascript:alert(1)" }] }), 400, "items.0.link");
    await expectError(await post({ ...ok, name: "" }), 400, "name");
    await expectError(await post({ ...ok, owner: "me" }), 400, "owner");
    const list = (await (await request.get("/api/v1/playbooks", { headers: bearer("admin") })).json()) as { items: PlaybookJson[] };
    expect(list.items.filter((p) => p.name === name)).toHaveLength(0);
  });
});
