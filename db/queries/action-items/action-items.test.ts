import { beforeAll, describe, expect, it, vi } from "vitest";
import { and, eq } from "drizzle-orm";
import { addDays, todayIn } from "@/lib/action-items";
import type { Actor } from "@/lib/actor";
import { setUpTestDb, thrown, type TestUser } from "../../testing/test-db";
import { actionItems, auditLog, services, teamMembers, teams, timelineEntries, users } from "../../schema";
import { declareIncident } from "../../commands/incidents/declare";
import { actionItemsForIncident, getActionItem, openActionItemCounts } from "./read";
import { createActionItem } from "../../commands/action-items/create";
import { listActionItems } from "./list";
import { updateActionItem } from "../../commands/action-items/update";

const ctx = setUpTestDb();

let responder: TestUser;
let other: TestUser;
let outsider: TestUser;
let viewer: TestUser;
let paymentsId: number;
let teamId: number;

beforeAll(async () => {
  responder = await ctx.t.createUser("responder", { name: "Riley Responder" });
  other = await ctx.t.createUser("responder", { name: "Sam Second" });
  outsider = await ctx.t.createUser("responder", { name: "Olly Outsider" });
  viewer = await ctx.t.createUser("viewer", { name: "Vic Viewer" });
  const now = Date.now();
  paymentsId = (await ctx.t.db.insert(services).values({ slug: "payments-api", name: "Payments API", tier: 1, createdAt: now, updatedAt: now }).returning())[0]!
    .id;
  teamId = (await ctx.t.db.insert(teams).values({ name: "Payments team", createdAt: now, updatedAt: now }).returning())[0]!.id;
  await ctx.t.db.insert(teamMembers).values({ teamId, userId: other.id, addedAt: now });
});

const today = () => todayIn("UTC");
const declare = async (extra: Record<string, unknown> = {}) =>
  (await declareIncident({ actor: responder.actor, input: { title: "Checkout errors", severity: "SEV2", ...extra } })).incident;
const add = (incidentId: number, input: Record<string, unknown> = {}, actor: Actor = responder.actor) =>
  createActionItem({ actor, incidentId, input: { title: "Alert on queue depth", ownerId: responder.id, priority: "P2", kind: "detect", ...input } });
const entries = async (incidentId: number) =>
  await ctx.t.db
    .select()
    .from(timelineEntries)
    .where(and(eq(timelineEntries.incidentId, incidentId), eq(timelineEntries.kind, "action_item")))
    .orderBy(timelineEntries.id);
const audits = async (id: number) =>
  await ctx.t.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityType, "action_item"), eq(auditLog.entityId, String(id))))
    .orderBy(auditLog.id);

describe("createActionItem", () => {
  it("defaults the due date by priority and the status to open, with a timeline entry and an audit record", async () => {
    const incident = await declare();
    const p1 = await add(incident.id, { priority: "P1" });
    expect(p1).toMatchObject({
      status: "open",
      priority: "P1",
      dueDate: addDays(today(), 28),
      ownerId: responder.id,
      ownerName: responder.name,
      incidentReference: `INC-${incident.id}`,
      incidentTitle: "Checkout errors",
      overdue: false,
      daysOverdue: 0,
      completedAt: null,
      version: 1,
      createdById: responder.id,
      description: "",
      trackerUrl: null,
      serviceId: null,
    });
    expect((await add(incident.id, { priority: "P2" })).dueDate).toBe(addDays(today(), 56));
    expect((await add(incident.id, { priority: "P3" })).dueDate).toBe(addDays(today(), 84));
    const log = await entries(incident.id);
    expect(log).toHaveLength(3);
    expect(log[0]!.body).toMatch(/^Action item added: Alert on queue depth \(P1, owner Riley Responder, due \d{1,2} \w{3} \d{4}\)$/);
    expect(log[0]!.authorLabel).toBe(responder.name);
    expect((await audits(p1.id)).map((a) => a.action)).toEqual(["action_item.create"]);
  });

  it("keeps everything given: description, due date, service, tracker URL, owner by email, status", async () => {
    const incident = await declare();
    const item = await add(incident.id, {
      title: "  Add a runbook for failover  ",
      description: "Steps and owners.",
      ownerId: undefined,
      ownerEmail: other.email.toUpperCase(),
      dueDate: "2026-02-28",
      kind: "process",
      status: "done",
      trackerUrl: "https://tracker.example.com/OPS-12",
      serviceId: paymentsId,
    });
    expect(item).toMatchObject({
      title: "Add a runbook for failover",
      description: "Steps and owners.",
      ownerId: other.id,
      dueDate: "2026-02-28",
      status: "done",
      serviceSlug: "payments-api",
      serviceName: "Payments API",
      trackerUrl: "https://tracker.example.com/OPS-12",
      overdue: false,
    });
    expect(item.completedAt).toBeGreaterThan(0);
    // API clients name the service by slug.
    expect((await add(incident.id, { service: "Payments-API" })).serviceId).toBe(paymentsId);
    // An empty tracker URL (as a form sends it) means none.
    expect((await add(incident.id, { trackerUrl: "" })).trackerUrl).toBeNull();
  });

  it("refuses bad input with 400 naming each field, and writes nothing", async () => {
    const incident = await declare();
    const cases: [Record<string, unknown>, string][] = [
      [{ title: "" }, "title"],
      [{ title: "x".repeat(201) }, "title"],
      [{ description: "x".repeat(5001) }, "description"],
      [{ ownerId: 999_999 }, "ownerId"],
      [{ ownerId: undefined }, "ownerId"],
      [{ ownerId: undefined, ownerEmail: "nobody@example.test" }, "ownerEmail"],
      [{ dueDate: "2026-02-30" }, "dueDate"],
      [{ dueDate: "2026-03-01T00:00:00Z" }, "dueDate"],
      [{ priority: "P4" }, "priority"],
      [{ kind: "blame" }, "kind"],
      [{ status: "closed" }, "status"],
      [{ trackerUrl: "javascript:alert(1)" }, "trackerUrl"],
      [{ trackerUrl: "ftp://example.com/x" }, "trackerUrl"],
      [{ serviceId: 999_999 }, "serviceId"],
      [{ service: "no-such-service" }, "service"],
      [{ service: "payments-api", serviceId: paymentsId }, "service"],
      [{ assignee: "me" }, "assignee"],
    ];
    for (const [input, field] of cases) {
      const error = await thrown(() => add(incident.id, input));
      expect(error.status, JSON.stringify(input)).toBe(400);
      expect(error.fields, JSON.stringify(input)).toHaveProperty([field]);
    }
    expect(await ctx.t.db.select().from(actionItems).where(eq(actionItems.incidentId, incident.id))).toHaveLength(0);
    expect(await entries(incident.id)).toHaveLength(0);
  });

  it("refuses a disabled owner", async () => {
    const incident = await declare();
    await ctx.t.db.update(users).set({ disabled: true }).where(eq(users.id, outsider.id));
    expect((await thrown(() => add(incident.id, { ownerId: outsider.id }))).fields).toHaveProperty("ownerId");
    await ctx.t.db.update(users).set({ disabled: false }).where(eq(users.id, outsider.id));
  });

  it("viewers get 403; responders, admins and responder tokens may add", async () => {
    const incident = await declare();
    expect((await thrown(() => add(incident.id, {}, viewer.actor))).status).toBe(403);
    expect((await thrown(async () => add(incident.id, {}, (await ctx.t.createToken("viewer")).actor))).status).toBe(403);
    await add(incident.id, {}, ctx.admin.actor);
    const byToken = await add(incident.id, {}, (await ctx.t.createToken("responder")).actor);
    expect(byToken.createdById).toBeNull();
    expect((await entries(incident.id)).at(-1)!.authorLabel).toMatch(/^API token/);
  });

  it("a private incident is a 404 to outsiders, for adding and reading", async () => {
    const incident = await declare({ private: true });
    const item = await add(incident.id);
    expect((await thrown(() => add(incident.id, {}, outsider.actor))).status).toBe(404);
    expect((await thrown(() => add(incident.id, {}, viewer.actor))).status).toBe(404);
    expect((await thrown(() => getActionItem({ actor: outsider.actor, id: item.id }))).status).toBe(404);
    expect((await thrown(() => actionItemsForIncident({ actor: outsider.actor, incidentId: incident.id }))).status).toBe(404);
    expect((await thrown(() => updateActionItem({ actor: outsider.actor, id: item.id, input: { version: 1, status: "done" } }))).status).toBe(404);
    expect((await getActionItem({ actor: ctx.admin.actor, id: item.id })).id).toBe(item.id);
    expect((await listActionItems({ actor: outsider.actor, query: { incident: `INC-${incident.id}` } })).items).toHaveLength(0);
    expect((await listActionItems({ actor: responder.actor, query: { incident: `INC-${incident.id}` } })).items).toHaveLength(1);
  });

  it("an unknown incident is a 404", async () => {
    expect((await thrown(() => add(999_999))).status).toBe(404);
  });
});

describe("updateActionItem", () => {
  it("a status change writes a timeline entry and an audit record, and stamps then clears completedAt", async () => {
    const incident = await declare();
    const item = await add(incident.id, { title: "Rotate keys" });
    const started = await updateActionItem({ actor: other.actor, id: item.id, input: { version: 1, status: "in_progress" } });
    expect(started).toMatchObject({ status: "in_progress", version: 2, completedAt: null });
    const done = await updateActionItem({ actor: other.actor, id: item.id, input: { version: 2, status: "done" } });
    expect(done.completedAt).toBeGreaterThan(0);
    const reopened = await updateActionItem({ actor: responder.actor, id: item.id, input: { version: 3, status: "open" } });
    expect(reopened.completedAt).toBeNull();
    const dropped = await updateActionItem({ actor: responder.actor, id: item.id, input: { version: 4, status: "wont_do" } });
    expect(dropped.completedAt).toBeGreaterThan(0);

    expect((await entries(incident.id)).slice(1).map((e) => [e.body, e.authorLabel])).toEqual([
      ["Action item “Rotate keys”: Open → In progress", other.name],
      ["Action item “Rotate keys”: In progress → Done", other.name],
      ["Action item “Rotate keys”: Done → Open", responder.name],
      ["Action item “Rotate keys”: Open → Won't do", responder.name],
    ]);
    expect(JSON.parse((await entries(incident.id))[2]!.meta!)).toEqual({ field: "action_item.status", actionItemId: item.id, from: "in_progress", to: "done" });
    const log = await audits(item.id);
    expect(log.map((a) => a.action)).toEqual(["action_item.create", ...Array(4).fill("action_item.update")]);
    expect(JSON.parse(log[2]!.before!)).toEqual({ status: "in_progress", completedAt: null });
    expect(JSON.parse(log[2]!.after!)).toMatchObject({ status: "done" });
  });

  it("an owner change writes a timeline entry; other edits only an audit record", async () => {
    const incident = await declare();
    const item = await add(incident.id, { title: "Add canary" });
    const moved = await updateActionItem({ actor: responder.actor, id: item.id, input: { version: 1, ownerId: other.id } });
    expect(moved).toMatchObject({ ownerId: other.id, ownerName: other.name, version: 2 });
    const edited = await updateActionItem({
      actor: responder.actor,
      id: item.id,
      input: {
        version: 2,
        title: "Add a canary stage",
        dueDate: "2027-01-15",
        priority: "P1",
        kind: "prevent",
        trackerUrl: "http://t.example/1",
        serviceId: paymentsId,
      },
    });
    expect(edited).toMatchObject({
      title: "Add a canary stage",
      dueDate: "2027-01-15",
      priority: "P1",
      kind: "prevent",
      serviceSlug: "payments-api",
      version: 3,
    });
    const cleared = await updateActionItem({ actor: responder.actor, id: item.id, input: { version: 3, trackerUrl: null, serviceId: null } });
    expect(cleared).toMatchObject({ trackerUrl: null, serviceId: null, serviceName: null });
    const bySlug = await updateActionItem({ actor: responder.actor, id: item.id, input: { version: 4, service: "payments-api" } });
    expect(bySlug).toMatchObject({ serviceId: paymentsId, version: 5 });
    expect((await updateActionItem({ actor: responder.actor, id: item.id, input: { version: 5, service: null } })).serviceId).toBeNull();
    expect((await entries(incident.id)).slice(1).map((e) => e.body)).toEqual([`Action item “Add canary”: owner ${responder.name} → ${other.name}`]);
    expect(await audits(item.id)).toHaveLength(6);
  });

  it("a stale version gets 409 with the current item, and nothing changes", async () => {
    const incident = await declare();
    const item = await add(incident.id);
    await updateActionItem({ actor: responder.actor, id: item.id, input: { version: 1, status: "in_progress" } });
    const error = await thrown(() => updateActionItem({ actor: other.actor, id: item.id, input: { version: 1, status: "done" } }));
    expect(error.status).toBe(409);
    expect(error.details.current).toMatchObject({ id: item.id, version: 2, status: "in_progress" });
    expect((await getActionItem({ actor: responder.actor, id: item.id })).status).toBe("in_progress");
  });

  it("a change to nothing is a no-op: no new version, no entries", async () => {
    const incident = await declare();
    const item = await add(incident.id);
    const same = await updateActionItem({ actor: responder.actor, id: item.id, input: { version: 1, status: "open", ownerId: responder.id } });
    expect(same.version).toBe(1);
    expect(await entries(incident.id)).toHaveLength(1);
    expect(await audits(item.id)).toHaveLength(1);
  });

  it("viewers get 403; bad input 400 naming the field; unknown items 404", async () => {
    const incident = await declare();
    const item = await add(incident.id);
    expect((await thrown(() => updateActionItem({ actor: viewer.actor, id: item.id, input: { version: 1, status: "done" } }))).status).toBe(403);
    for (const [input, field] of [
      [{ status: "done" }, "version"],
      [{ version: 1, status: "finished" }, "status"],
      [{ version: 1, ownerId: 999_999 }, "ownerId"],
      [{ version: 1, dueDate: "2026-13-01" }, "dueDate"],
      [{ version: 1, title: " " }, "title"],
      [{ version: 1, ownerId: other.id, ownerEmail: other.email }, "ownerEmail"],
      [{ version: 1, incidentId: 3 }, "incidentId"],
    ] as [Record<string, unknown>, string][]) {
      const error = await thrown(() => updateActionItem({ actor: responder.actor, id: item.id, input }));
      expect(error.status, JSON.stringify(input)).toBe(400);
      expect(error.fields).toHaveProperty([field]);
    }
    expect((await thrown(() => updateActionItem({ actor: responder.actor, id: 999_999, input: { version: 1 } }))).status).toBe(404);
  });
});

describe("overdue", () => {
  it("an unfinished item past its due day is overdue by whole days; on the due day it is not", async () => {
    const incident = await declare();
    const late = await add(incident.id, { dueDate: addDays(today(), -3) });
    const dueToday = await add(incident.id, { dueDate: today() });
    const doneLate = await add(incident.id, { dueDate: addDays(today(), -3), status: "done" });
    expect(late).toMatchObject({ overdue: true, daysOverdue: 3 });
    expect(dueToday).toMatchObject({ overdue: false, daysOverdue: 0 });
    expect(doneLate.overdue).toBe(false);
  });

  it("is decided in the organisation's zone at the moment of reading", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      vi.setSystemTime(Date.UTC(2026, 2, 10, 23, 59));
      const incident = await declare();
      const item = await add(incident.id, { dueDate: "2026-03-10" });
      expect(item.overdue).toBe(false);
      vi.setSystemTime(Date.UTC(2026, 2, 11, 0, 1));
      expect(await getActionItem({ actor: responder.actor, id: item.id })).toMatchObject({ overdue: true, daysOverdue: 1 });
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("actionItemsForIncident", () => {
  it("lists unfinished items first by due date, with progress leaving won't-do out", async () => {
    const incident = await declare();
    const a = await add(incident.id, { title: "a", dueDate: "2030-01-03" });
    const b = await add(incident.id, { title: "b", dueDate: "2030-01-01", status: "done" });
    const c = await add(incident.id, { title: "c", dueDate: "2030-01-02" });
    await add(incident.id, { title: "d", dueDate: "2030-01-01", status: "wont_do" });
    const { items, progress } = await actionItemsForIncident({ actor: viewer.actor, incidentId: incident.id });
    expect(items.map((i) => i.title)).toEqual(["c", "a", "b", "d"]);
    expect(progress).toEqual({ done: 1, total: 3, wontDo: 1 });
    expect(await openActionItemCounts({ actor: ctx.admin.actor, incidentIds: [incident.id, 999_999] })).toEqual(new Map([[incident.id, 2]]));
    expect([a.id, b.id, c.id].every(Boolean)).toBe(true);
  });
});

describe("listActionItems", () => {
  let incidentRef: string;
  const titles = async (query: Record<string, unknown>, actor: Actor = responder.actor) => (await listActionItems({ actor, query })).items.map((i) => i.title);

  beforeAll(async () => {
    const incident = await declare({ title: "List fixture" });
    incidentRef = `INC-${incident.id}`;
    const at = (days: number) => addDays(today(), days);
    await add(incident.id, { title: "L1 mine overdue", dueDate: at(-10), priority: "P1" });
    await add(incident.id, { title: "L2 other overdue in progress", ownerId: other.id, dueDate: at(-2), status: "in_progress", serviceId: paymentsId });
    await add(incident.id, { title: "L3 other due today", ownerId: other.id, dueDate: at(0), priority: "P3" });
    await add(incident.id, { title: "L4 mine done late", dueDate: at(-5), status: "done" });
    await add(incident.id, { title: "L5 other later", ownerId: other.id, dueDate: at(30), serviceId: paymentsId, priority: "P1" });
    await add(incident.id, { title: "L6 mine wont do", dueDate: at(-1), status: "wont_do" });
  });
  const q = (extra: Record<string, unknown>) => ({ incident: incidentRef, ...extra });

  it("sorts by due date, soonest first by default and latest first with -due", async () => {
    expect(await titles(q({}))).toEqual([
      "L1 mine overdue",
      "L4 mine done late",
      "L2 other overdue in progress",
      "L6 mine wont do",
      "L3 other due today",
      "L5 other later",
    ]);
    expect(await titles(q({ sort: "-due" }))).toEqual([
      "L5 other later",
      "L3 other due today",
      "L6 mine wont do",
      "L2 other overdue in progress",
      "L4 mine done late",
      "L1 mine overdue",
    ]);
  });

  it("filters by owner (me, id, email), team, service, status list, priority and overdue", async () => {
    expect(await titles(q({ owner: "me" }))).toEqual(["L1 mine overdue", "L4 mine done late", "L6 mine wont do"]);
    expect(await titles(q({ owner: String(other.id) }))).toEqual(["L2 other overdue in progress", "L3 other due today", "L5 other later"]);
    expect(await titles(q({ owner: other.email }))).toHaveLength(3);
    expect(await titles(q({ team: String(teamId) }))).toEqual(["L2 other overdue in progress", "L3 other due today", "L5 other later"]);
    expect(await titles(q({ service: "payments-api" }))).toEqual(["L2 other overdue in progress", "L5 other later"]);
    expect(await titles(q({ status: "open,in_progress" }))).toEqual([
      "L1 mine overdue",
      "L2 other overdue in progress",
      "L3 other due today",
      "L5 other later",
    ]);
    expect(await titles(q({ status: "done" }))).toEqual(["L4 mine done late"]);
    expect(await titles(q({ priority: "P1" }))).toEqual(["L1 mine overdue", "L5 other later"]);
    expect(await titles(q({ priority: "P1,P3" }))).toHaveLength(3);
    expect(await titles(q({ overdue: "true" }))).toEqual(["L1 mine overdue", "L2 other overdue in progress"]);
    expect(await titles(q({ overdue: "0" }))).toHaveLength(4);
    expect(await titles(q({ overdue: "1", owner: "me" }))).toEqual(["L1 mine overdue"]);
    const overdue = (await listActionItems({ actor: responder.actor, query: q({ overdue: "1" }) })).items;
    expect(overdue.map((i) => i.daysOverdue)).toEqual([10, 2]);
  });

  it("pages with an opaque cursor without skipping or repeating", async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listActionItems({ actor: responder.actor, query: q({ limit: "2", sort: "-due", ...(cursor ? { cursor } : {}) }) });
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((i) => i.title));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(await titles(q({ sort: "-due" })));
    const first = await listActionItems({ actor: responder.actor, query: q({ limit: "2" }) });
    // A cursor from one sort order does not fit the other.
    expect((await thrown(() => listActionItems({ actor: responder.actor, query: q({ sort: "-due", cursor: first.nextCursor }) }))).fields).toHaveProperty(
      "cursor",
    );
    expect((await thrown(() => listActionItems({ actor: responder.actor, query: { cursor: "garbage" } }))).fields).toHaveProperty("cursor");
  });

  it("refuses bad filters with 400 naming the field", async () => {
    for (const [query, field] of [
      [{ status: "open,finished" }, "status"],
      [{ priority: "P4" }, "priority"],
      [{ overdue: "maybe" }, "overdue"],
      [{ sort: "title" }, "sort"],
      [{ limit: "500" }, "limit"],
      [{ team: "x" }, "team"],
      [{ owner: "somebody" }, "owner"],
      [{ incident: "42" }, "incident"],
    ] as [Record<string, string>, string][]) {
      expect((await thrown(() => listActionItems({ actor: responder.actor, query }))).fields, JSON.stringify(query)).toHaveProperty([field]);
    }
    expect((await thrown(async () => listActionItems({ actor: (await ctx.t.createToken("viewer")).actor, query: { owner: "me" } }))).fields).toHaveProperty(
      "owner",
    );
  });

  it("viewers read every item of incidents they can see", async () => {
    expect(await titles(q({}), viewer.actor)).toHaveLength(6);
  });
});
