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
  paymentsId = ctx.t.db.insert(services).values({ slug: "payments-api", name: "Payments API", tier: 1, createdAt: now, updatedAt: now }).returning().get().id;
  teamId = ctx.t.db.insert(teams).values({ name: "Payments team", createdAt: now, updatedAt: now }).returning().get().id;
  ctx.t.db.insert(teamMembers).values({ teamId, userId: other.id, addedAt: now }).run();
});

const today = () => todayIn("UTC");
const declare = (extra: Record<string, unknown> = {}) =>
  declareIncident({ actor: responder.actor, input: { title: "Checkout errors", severity: "SEV2", ...extra } }).incident;
const add = (incidentId: number, input: Record<string, unknown> = {}, actor: Actor = responder.actor) =>
  createActionItem({ actor, incidentId, input: { title: "Alert on queue depth", ownerId: responder.id, priority: "P2", kind: "detect", ...input } });
const entries = (incidentId: number) =>
  ctx.t.db
    .select()
    .from(timelineEntries)
    .where(and(eq(timelineEntries.incidentId, incidentId), eq(timelineEntries.kind, "action_item")))
    .orderBy(timelineEntries.id)
    .all();
const audits = (id: number) =>
  ctx.t.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityType, "action_item"), eq(auditLog.entityId, String(id))))
    .orderBy(auditLog.id)
    .all();

describe("createActionItem", () => {
  it("defaults the due date by priority and the status to open, with a timeline entry and an audit record", () => {
    const incident = declare();
    const p1 = add(incident.id, { priority: "P1" });
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
    expect(add(incident.id, { priority: "P2" }).dueDate).toBe(addDays(today(), 56));
    expect(add(incident.id, { priority: "P3" }).dueDate).toBe(addDays(today(), 84));
    const log = entries(incident.id);
    expect(log).toHaveLength(3);
    expect(log[0]!.body).toMatch(/^Action item added: Alert on queue depth \(P1, owner Riley Responder, due \d{1,2} \w{3} \d{4}\)$/);
    expect(log[0]!.authorLabel).toBe(responder.name);
    expect(audits(p1.id).map((a) => a.action)).toEqual(["action_item.create"]);
  });

  it("keeps everything given: description, due date, service, tracker URL, owner by email, status", () => {
    const incident = declare();
    const item = add(incident.id, {
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
    expect(add(incident.id, { service: "Payments-API" }).serviceId).toBe(paymentsId);
    // An empty tracker URL (as a form sends it) means none.
    expect(add(incident.id, { trackerUrl: "" }).trackerUrl).toBeNull();
  });

  it("refuses bad input with 400 naming each field, and writes nothing", () => {
    const incident = declare();
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
      const error = thrown(() => add(incident.id, input));
      expect(error.status, JSON.stringify(input)).toBe(400);
      expect(error.fields, JSON.stringify(input)).toHaveProperty([field]);
    }
    expect(ctx.t.db.select().from(actionItems).where(eq(actionItems.incidentId, incident.id)).all()).toHaveLength(0);
    expect(entries(incident.id)).toHaveLength(0);
  });

  it("refuses a disabled owner", () => {
    const incident = declare();
    ctx.t.db.update(users).set({ disabled: true }).where(eq(users.id, outsider.id)).run();
    expect(thrown(() => add(incident.id, { ownerId: outsider.id })).fields).toHaveProperty("ownerId");
    ctx.t.db.update(users).set({ disabled: false }).where(eq(users.id, outsider.id)).run();
  });

  it("viewers get 403; responders, admins and responder tokens may add", () => {
    const incident = declare();
    expect(thrown(() => add(incident.id, {}, viewer.actor)).status).toBe(403);
    expect(thrown(() => add(incident.id, {}, ctx.t.createToken("viewer").actor)).status).toBe(403);
    add(incident.id, {}, ctx.admin.actor);
    const byToken = add(incident.id, {}, ctx.t.createToken("responder").actor);
    expect(byToken.createdById).toBeNull();
    expect(entries(incident.id).at(-1)!.authorLabel).toMatch(/^API token/);
  });

  it("a private incident is a 404 to outsiders, for adding and reading", () => {
    const incident = declare({ private: true });
    const item = add(incident.id);
    expect(thrown(() => add(incident.id, {}, outsider.actor)).status).toBe(404);
    expect(thrown(() => add(incident.id, {}, viewer.actor)).status).toBe(404);
    expect(thrown(() => getActionItem({ actor: outsider.actor, id: item.id })).status).toBe(404);
    expect(thrown(() => actionItemsForIncident({ actor: outsider.actor, incidentId: incident.id })).status).toBe(404);
    expect(thrown(() => updateActionItem({ actor: outsider.actor, id: item.id, input: { version: 1, status: "done" } })).status).toBe(404);
    expect(getActionItem({ actor: ctx.admin.actor, id: item.id }).id).toBe(item.id);
    expect(listActionItems({ actor: outsider.actor, query: { incident: `INC-${incident.id}` } }).items).toHaveLength(0);
    expect(listActionItems({ actor: responder.actor, query: { incident: `INC-${incident.id}` } }).items).toHaveLength(1);
  });

  it("an unknown incident is a 404", () => {
    expect(thrown(() => add(999_999)).status).toBe(404);
  });
});

describe("updateActionItem", () => {
  it("a status change writes a timeline entry and an audit record, and stamps then clears completedAt", () => {
    const incident = declare();
    const item = add(incident.id, { title: "Rotate keys" });
    const started = updateActionItem({ actor: other.actor, id: item.id, input: { version: 1, status: "in_progress" } });
    expect(started).toMatchObject({ status: "in_progress", version: 2, completedAt: null });
    const done = updateActionItem({ actor: other.actor, id: item.id, input: { version: 2, status: "done" } });
    expect(done.completedAt).toBeGreaterThan(0);
    const reopened = updateActionItem({ actor: responder.actor, id: item.id, input: { version: 3, status: "open" } });
    expect(reopened.completedAt).toBeNull();
    const dropped = updateActionItem({ actor: responder.actor, id: item.id, input: { version: 4, status: "wont_do" } });
    expect(dropped.completedAt).toBeGreaterThan(0);

    expect(
      entries(incident.id)
        .slice(1)
        .map((e) => [e.body, e.authorLabel]),
    ).toEqual([
      ["Action item “Rotate keys”: Open → In progress", other.name],
      ["Action item “Rotate keys”: In progress → Done", other.name],
      ["Action item “Rotate keys”: Done → Open", responder.name],
      ["Action item “Rotate keys”: Open → Won't do", responder.name],
    ]);
    expect(JSON.parse(entries(incident.id)[2]!.meta!)).toEqual({ field: "action_item.status", actionItemId: item.id, from: "in_progress", to: "done" });
    const log = audits(item.id);
    expect(log.map((a) => a.action)).toEqual(["action_item.create", ...Array(4).fill("action_item.update")]);
    expect(JSON.parse(log[2]!.before!)).toEqual({ status: "in_progress", completedAt: null });
    expect(JSON.parse(log[2]!.after!)).toMatchObject({ status: "done" });
  });

  it("an owner change writes a timeline entry; other edits only an audit record", () => {
    const incident = declare();
    const item = add(incident.id, { title: "Add canary" });
    const moved = updateActionItem({ actor: responder.actor, id: item.id, input: { version: 1, ownerId: other.id } });
    expect(moved).toMatchObject({ ownerId: other.id, ownerName: other.name, version: 2 });
    const edited = updateActionItem({
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
    const cleared = updateActionItem({ actor: responder.actor, id: item.id, input: { version: 3, trackerUrl: null, serviceId: null } });
    expect(cleared).toMatchObject({ trackerUrl: null, serviceId: null, serviceName: null });
    const bySlug = updateActionItem({ actor: responder.actor, id: item.id, input: { version: 4, service: "payments-api" } });
    expect(bySlug).toMatchObject({ serviceId: paymentsId, version: 5 });
    expect(updateActionItem({ actor: responder.actor, id: item.id, input: { version: 5, service: null } }).serviceId).toBeNull();
    expect(
      entries(incident.id)
        .slice(1)
        .map((e) => e.body),
    ).toEqual([`Action item “Add canary”: owner ${responder.name} → ${other.name}`]);
    expect(audits(item.id)).toHaveLength(6);
  });

  it("a stale version gets 409 with the current item, and nothing changes", () => {
    const incident = declare();
    const item = add(incident.id);
    updateActionItem({ actor: responder.actor, id: item.id, input: { version: 1, status: "in_progress" } });
    const error = thrown(() => updateActionItem({ actor: other.actor, id: item.id, input: { version: 1, status: "done" } }));
    expect(error.status).toBe(409);
    expect(error.details.current).toMatchObject({ id: item.id, version: 2, status: "in_progress" });
    expect(getActionItem({ actor: responder.actor, id: item.id }).status).toBe("in_progress");
  });

  it("a change to nothing is a no-op: no new version, no entries", () => {
    const incident = declare();
    const item = add(incident.id);
    const same = updateActionItem({ actor: responder.actor, id: item.id, input: { version: 1, status: "open", ownerId: responder.id } });
    expect(same.version).toBe(1);
    expect(entries(incident.id)).toHaveLength(1);
    expect(audits(item.id)).toHaveLength(1);
  });

  it("viewers get 403; bad input 400 naming the field; unknown items 404", () => {
    const incident = declare();
    const item = add(incident.id);
    expect(thrown(() => updateActionItem({ actor: viewer.actor, id: item.id, input: { version: 1, status: "done" } })).status).toBe(403);
    for (const [input, field] of [
      [{ status: "done" }, "version"],
      [{ version: 1, status: "finished" }, "status"],
      [{ version: 1, ownerId: 999_999 }, "ownerId"],
      [{ version: 1, dueDate: "2026-13-01" }, "dueDate"],
      [{ version: 1, title: " " }, "title"],
      [{ version: 1, ownerId: other.id, ownerEmail: other.email }, "ownerEmail"],
      [{ version: 1, incidentId: 3 }, "incidentId"],
    ] as [Record<string, unknown>, string][]) {
      const error = thrown(() => updateActionItem({ actor: responder.actor, id: item.id, input }));
      expect(error.status, JSON.stringify(input)).toBe(400);
      expect(error.fields).toHaveProperty([field]);
    }
    expect(thrown(() => updateActionItem({ actor: responder.actor, id: 999_999, input: { version: 1 } })).status).toBe(404);
  });
});

describe("overdue", () => {
  it("an unfinished item past its due day is overdue by whole days; on the due day it is not", () => {
    const incident = declare();
    const late = add(incident.id, { dueDate: addDays(today(), -3) });
    const dueToday = add(incident.id, { dueDate: today() });
    const doneLate = add(incident.id, { dueDate: addDays(today(), -3), status: "done" });
    expect(late).toMatchObject({ overdue: true, daysOverdue: 3 });
    expect(dueToday).toMatchObject({ overdue: false, daysOverdue: 0 });
    expect(doneLate.overdue).toBe(false);
  });

  it("is decided in the organisation's zone at the moment of reading", () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      vi.setSystemTime(Date.UTC(2026, 2, 10, 23, 59));
      const incident = declare();
      const item = add(incident.id, { dueDate: "2026-03-10" });
      expect(item.overdue).toBe(false);
      vi.setSystemTime(Date.UTC(2026, 2, 11, 0, 1));
      expect(getActionItem({ actor: responder.actor, id: item.id })).toMatchObject({ overdue: true, daysOverdue: 1 });
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("actionItemsForIncident", () => {
  it("lists unfinished items first by due date, with progress leaving won't-do out", () => {
    const incident = declare();
    const a = add(incident.id, { title: "a", dueDate: "2030-01-03" });
    const b = add(incident.id, { title: "b", dueDate: "2030-01-01", status: "done" });
    const c = add(incident.id, { title: "c", dueDate: "2030-01-02" });
    add(incident.id, { title: "d", dueDate: "2030-01-01", status: "wont_do" });
    const { items, progress } = actionItemsForIncident({ actor: viewer.actor, incidentId: incident.id });
    expect(items.map((i) => i.title)).toEqual(["c", "a", "b", "d"]);
    expect(progress).toEqual({ done: 1, total: 3, wontDo: 1 });
    expect(openActionItemCounts({ actor: ctx.admin.actor, incidentIds: [incident.id, 999_999] })).toEqual(new Map([[incident.id, 2]]));
    expect([a.id, b.id, c.id].every(Boolean)).toBe(true);
  });
});

describe("listActionItems", () => {
  let incidentRef: string;
  const titles = (query: Record<string, unknown>, actor: Actor = responder.actor) => listActionItems({ actor, query }).items.map((i) => i.title);

  beforeAll(() => {
    const incident = declare({ title: "List fixture" });
    incidentRef = `INC-${incident.id}`;
    const at = (days: number) => addDays(today(), days);
    add(incident.id, { title: "L1 mine overdue", dueDate: at(-10), priority: "P1" });
    add(incident.id, { title: "L2 other overdue in progress", ownerId: other.id, dueDate: at(-2), status: "in_progress", serviceId: paymentsId });
    add(incident.id, { title: "L3 other due today", ownerId: other.id, dueDate: at(0), priority: "P3" });
    add(incident.id, { title: "L4 mine done late", dueDate: at(-5), status: "done" });
    add(incident.id, { title: "L5 other later", ownerId: other.id, dueDate: at(30), serviceId: paymentsId, priority: "P1" });
    add(incident.id, { title: "L6 mine wont do", dueDate: at(-1), status: "wont_do" });
  });
  const q = (extra: Record<string, unknown>) => ({ incident: incidentRef, ...extra });

  it("sorts by due date, soonest first by default and latest first with -due", () => {
    expect(titles(q({}))).toEqual([
      "L1 mine overdue",
      "L4 mine done late",
      "L2 other overdue in progress",
      "L6 mine wont do",
      "L3 other due today",
      "L5 other later",
    ]);
    expect(titles(q({ sort: "-due" }))).toEqual([
      "L5 other later",
      "L3 other due today",
      "L6 mine wont do",
      "L2 other overdue in progress",
      "L4 mine done late",
      "L1 mine overdue",
    ]);
  });

  it("filters by owner (me, id, email), team, service, status list, priority and overdue", () => {
    expect(titles(q({ owner: "me" }))).toEqual(["L1 mine overdue", "L4 mine done late", "L6 mine wont do"]);
    expect(titles(q({ owner: String(other.id) }))).toEqual(["L2 other overdue in progress", "L3 other due today", "L5 other later"]);
    expect(titles(q({ owner: other.email }))).toHaveLength(3);
    expect(titles(q({ team: String(teamId) }))).toEqual(["L2 other overdue in progress", "L3 other due today", "L5 other later"]);
    expect(titles(q({ service: "payments-api" }))).toEqual(["L2 other overdue in progress", "L5 other later"]);
    expect(titles(q({ status: "open,in_progress" }))).toEqual(["L1 mine overdue", "L2 other overdue in progress", "L3 other due today", "L5 other later"]);
    expect(titles(q({ status: "done" }))).toEqual(["L4 mine done late"]);
    expect(titles(q({ priority: "P1" }))).toEqual(["L1 mine overdue", "L5 other later"]);
    expect(titles(q({ priority: "P1,P3" }))).toHaveLength(3);
    expect(titles(q({ overdue: "true" }))).toEqual(["L1 mine overdue", "L2 other overdue in progress"]);
    expect(titles(q({ overdue: "0" }))).toHaveLength(4);
    expect(titles(q({ overdue: "1", owner: "me" }))).toEqual(["L1 mine overdue"]);
    const overdue = listActionItems({ actor: responder.actor, query: q({ overdue: "1" }) }).items;
    expect(overdue.map((i) => i.daysOverdue)).toEqual([10, 2]);
  });

  it("pages with an opaque cursor without skipping or repeating", () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = listActionItems({ actor: responder.actor, query: q({ limit: "2", sort: "-due", ...(cursor ? { cursor } : {}) }) });
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((i) => i.title));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(titles(q({ sort: "-due" })));
    const first = listActionItems({ actor: responder.actor, query: q({ limit: "2" }) });
    // A cursor from one sort order does not fit the other.
    expect(thrown(() => listActionItems({ actor: responder.actor, query: q({ sort: "-due", cursor: first.nextCursor }) })).fields).toHaveProperty("cursor");
    expect(thrown(() => listActionItems({ actor: responder.actor, query: { cursor: "garbage" } })).fields).toHaveProperty("cursor");
  });

  it("refuses bad filters with 400 naming the field", () => {
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
      expect(thrown(() => listActionItems({ actor: responder.actor, query })).fields, JSON.stringify(query)).toHaveProperty([field]);
    }
    expect(thrown(() => listActionItems({ actor: ctx.t.createToken("viewer").actor, query: { owner: "me" } })).fields).toHaveProperty("owner");
  });

  it("viewers read every item of incidents they can see", () => {
    expect(titles(q({}), viewer.actor)).toHaveLength(6);
  });
});
