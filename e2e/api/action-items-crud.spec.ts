import { expect, test } from "@playwright/test";
import { bearer, fixtures } from "../support/fixtures";
import { declare, expectError, marker, timeline } from "../support/api/helpers";
import { addActionItem, dayFromToday } from "../support/api/action-items";
import type { ActionItemJson } from "../support/api/types";

const responder = bearer("responder");

test.describe("action items API", () => {
  test("create with defaults → 201, listed on the incident with progress, and on the timeline", async ({ request }) => {
    const incident = await declare(request, { title: marker("AI create"), severity: "SEV2" });
    const res = await request.post(`/api/v1/incidents/${incident.reference}/action-items`, {
      headers: responder,
      data: { title: "Page on queue depth", ownerEmail: fixtures().users.responder2, priority: "P1", kind: "detect" },
    });
    expect(res.status(), await res.text()).toBe(201);
    const item = (await res.json()) as ActionItemJson;
    expect(res.headers()["location"]).toBe(`/api/v1/action-items/${item.id}`);
    expect(item).toMatchObject({
      incident: { reference: incident.reference, title: incident.title },
      title: "Page on queue depth",
      owner: { name: "Sam Second", email: fixtures().users.responder2 },
      priority: "P1",
      kind: "detect",
      status: "open",
      dueDate: dayFromToday(28),
      overdue: false,
      trackerUrl: null,
      service: null,
      version: 1,
      completedAt: null,
    });

    const second = await addActionItem(request, incident.reference, {
      title: "Write the failover runbook",
      kind: "process",
      status: "done",
      trackerUrl: "https://tracker.example.com/OPS-7",
    });
    expect(second.completedAt).not.toBeNull();
    const list = await request.get(`/api/v1/incidents/${incident.reference}/action-items`, { headers: bearer("viewer") });
    const body = (await list.json()) as { items: ActionItemJson[]; progress: { done: number; total: number } };
    expect(body.items.map((i) => i.title)).toEqual(["Page on queue depth", "Write the failover runbook"]);
    expect(body.progress).toMatchObject({ done: 1, total: 2 });

    const entries = (await timeline(request, incident.reference)).filter((e) => e.kind === "action_item");
    expect(entries.map((e) => e.body)).toEqual([
      expect.stringMatching(/^Action item added: Page on queue depth \(P1, owner Sam Second, due /),
      expect.stringMatching(/^Action item added: Write the failover runbook \(P2, owner Riley Responder, due /),
    ]);
  });

  test("bad input → 400 naming the field; nothing is stored", async ({ request }) => {
    const incident = await declare(request, { title: marker("AI bad input"), severity: "SEV3" });
    const url = `/api/v1/incidents/${incident.reference}/action-items`;
    const good = { title: "Fine", ownerEmail: fixtures().users.responder, priority: "P2", kind: "detect" };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...good, title: "" }, "title"],
      [{ ...good, title: "   " }, "title"],
      [{ ...good, ownerEmail: undefined, ownerId: 987_654 }, "ownerId"],
      [{ ...good, ownerEmail: "nobody@example.test" }, "ownerEmail"],
      [{ ...good, dueDate: "2026-02-30" }, "dueDate"],
      [{ ...good, dueDate: "31/03/2026" }, "dueDate"],
      [{ ...good, priority: "P4" }, "priority"],
      [{ ...good, kind: "blame" }, "kind"],
      [{ ...good, trackerUrl: "javascript:alert(document.cookie)" }, "trackerUrl"],
      [{ ...good, serviceId: 987_654 }, "serviceId"],
      [{ ...good, service: "no-such-service" }, "service"],
      [{ ...good, assignee: "Riley" }, "assignee"],
    ];
    for (const [data, field] of cases) {
      const body = await expectError(await request.post(url, { headers: responder, data }), 400, field);
      expect(body.error.code).toBe("validation_failed");
    }
    await expectError(await request.post(url, { headers: { ...responder, "Content-Type": "text/plain" }, data: "title=x" }), 415);
    await expectError(await request.post("/api/v1/incidents/INC-99999999/action-items", { headers: responder, data: good }), 404);
    const list = (await (await request.get(url, { headers: responder })).json()) as { items: unknown[] };
    expect(list.items).toHaveLength(0);
    await expectError(await request.patch("/api/v1/action-items/abc", { headers: responder, data: { version: 1 } }), 404);
    await expectError(await request.get("/api/v1/action-items?status=finished", { headers: responder }), 400, "status");
    await expectError(await request.get("/api/v1/action-items?overdue=maybe", { headers: responder }), 400, "overdue");
  });

  test("PATCH changes status and owner, each on the timeline; a stale version → 409 with the current item", async ({ request }) => {
    const incident = await declare(request, { title: marker("AI patch"), severity: "SEV2" });
    const item = await addActionItem(request, incident.reference, { title: "Rotate the signing key" });
    const url = `/api/v1/action-items/${item.id}`;

    const moved = await request.patch(url, { headers: responder, data: { version: 1, status: "done", ownerEmail: fixtures().users.responder2 } });
    expect(moved.status(), await moved.text()).toBe(200);
    const after = (await moved.json()) as ActionItemJson;
    expect(after).toMatchObject({ status: "done", owner: { name: "Sam Second" }, version: 2 });
    expect(after.completedAt).not.toBeNull();

    const stale = await request.patch(url, { headers: bearer("admin"), data: { version: 1, status: "wont_do" } });
    const body = (await expectError(stale, 409)) as unknown as { error: { code: string }; current: ActionItemJson };
    expect(body.error.code).toBe("conflict");
    expect(body.current).toMatchObject({ id: item.id, version: 2, status: "done", owner: { name: "Sam Second" } });

    const reopened = (await (await request.patch(url, { headers: responder, data: { version: 2, status: "open" } })).json()) as ActionItemJson;
    expect(reopened).toMatchObject({ status: "open", completedAt: null, version: 3 });

    await expectError(await request.patch(url, { headers: responder, data: { version: 3, priority: "P4" } }), 400, "priority");
    await expectError(await request.patch(url, { headers: responder, data: { status: "done" } }), 400, "version");

    const bodies = (await timeline(request, incident.reference)).filter((e) => e.kind === "action_item").map((e) => e.body);
    expect(bodies.slice(1)).toEqual([
      "Action item “Rotate the signing key”: Open → Done",
      "Action item “Rotate the signing key”: owner Riley Responder → Sam Second",
      "Action item “Rotate the signing key”: Done → Open",
    ]);
  });

  test("overdue: a past due date is overdue, the due day is not; filters by overdue, owner, status and priority", async ({ request }) => {
    const incident = await declare(request, { title: marker("AI overdue"), severity: "SEV3" });
    const ref = incident.reference;
    const late = await addActionItem(request, ref, { title: "Late one", dueDate: dayFromToday(-4), priority: "P1" });
    const today = await addActionItem(request, ref, { title: "Due today", dueDate: dayFromToday(0) });
    await addActionItem(request, ref, { title: "Done late", dueDate: dayFromToday(-4), status: "done" });
    const slug = marker("ai-svc").toLowerCase();
    expect((await request.post("/api/v1/services", { headers: bearer("admin"), data: { slug, name: "Queue workers", tier: 2 } })).status()).toBe(201);
    const sams = await addActionItem(request, ref, {
      title: "Sam's",
      dueDate: dayFromToday(-1),
      ownerEmail: fixtures().users.responder2,
      priority: "P3",
      service: slug,
    });
    expect(sams.service).toMatchObject({ slug, name: "Queue workers" });
    expect(late).toMatchObject({ overdue: true, daysOverdue: 4 });
    expect(today).toMatchObject({ overdue: false, daysOverdue: 0 });

    const titles = async (query: string) => {
      const res = await request.get(`/api/v1/action-items?incident=${ref}&${query}`, { headers: bearer("viewer") });
      expect(res.status(), await res.text()).toBe(200);
      return ((await res.json()) as { items: ActionItemJson[] }).items.map((i) => i.title);
    };
    expect(await titles("overdue=true")).toEqual(["Late one", "Sam's"]);
    expect(await titles("overdue=false")).toEqual(["Done late", "Due today"]);
    expect(await titles(`owner=${encodeURIComponent(fixtures().users.responder2)}`)).toEqual(["Sam's"]);
    expect(await titles("status=open,in_progress")).toEqual(["Late one", "Sam's", "Due today"]);
    expect(await titles("priority=P1,P3")).toEqual(["Late one", "Sam's"]);
    expect(await titles("sort=-due")).toEqual(["Due today", "Sam's", "Done late", "Late one"]);
    expect(await titles(`service=${slug}`)).toEqual(["Sam's"]);
  });

  test("lists page with an opaque cursor", async ({ request }) => {
    const incident = await declare(request, { title: marker("AI pages"), severity: "SEV4" });
    for (let n = 1; n <= 5; n++) await addActionItem(request, incident.reference, { title: `Item ${n}`, dueDate: dayFromToday(n) });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/action-items?incident=${incident.reference}&limit=2${cursor ? `&cursor=${cursor}` : ""}`;
      const page = (await (await request.get(url, { headers: responder })).json()) as { items: ActionItemJson[]; nextCursor: string | null };
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((i) => i.title));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(["Item 1", "Item 2", "Item 3", "Item 4", "Item 5"]);
    await expectError(await request.get("/api/v1/action-items?cursor=nonsense", { headers: responder }), 400, "cursor");
  });
});
