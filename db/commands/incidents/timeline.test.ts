import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import { auditsOf, setUpTestDb, type TestUser, thrown } from "../../testing/test-db";
import { auditLog, timelineEntries } from "../../schema";
import { declareIncident } from "./declare";
import { getIncident } from "../../queries/incidents/detail";
import { addNote, setHighlighted } from "./timeline";
import { listTimeline } from "../../queries/incidents/timeline";

const ctx = setUpTestDb();
let outsider: TestUser;
let incidentId: number;

beforeAll(async () => {
  outsider = await ctx.t.createUser("responder");
  incidentId = (await declareIncident({ actor: ctx.responder.actor, input: { title: "Queue backlog", severity: "SEV3" } })).incident.id;
});

const entryCount = async () => (await ctx.t.db.select({ n: sql<number>`count(*)` }).from(timelineEntries))[0]!.n;

describe("addNote", () => {
  it("stores a markdown note with its author and an audit record", async () => {
    const entry = await addNote({ actor: outsider.actor, incidentId, input: { body: "  Backlog at **42k**, draining at 2k/min  " } });
    expect(entry).toMatchObject({ kind: "note", body: "Backlog at **42k**, draining at 2k/min", authorUserId: outsider.id, highlighted: false });
    expect(entry.occurredAt).toBe(entry.createdAt);
    const audit = await auditsOf(ctx.t.db, "timeline.note", incidentId);
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.after!)).toEqual({ entryId: entry.id });
  });

  it("accepts a backdated note and lists the timeline in occurrence order", async () => {
    const declaredAt = (await getIncident({ actor: ctx.responder.actor, incidentId })).declaredAt;
    const backdated = await addNote({
      actor: ctx.responder.actor,
      incidentId,
      input: { body: "Alert fired before we declared", occurredAt: new Date(declaredAt - 600_000).toISOString(), highlighted: true },
    });
    expect(backdated.occurredAt).toBe(declaredAt - 600_000);
    expect(backdated.highlighted).toBe(true);
    const timeline = await listTimeline({ actor: ctx.viewer.actor, incidentId });
    expect(timeline[0]!.id).toBe(backdated.id);
    const times = timeline.map((e) => e.occurredAt);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  });

  it("refuses a future occurredAt and an empty or oversized body", async () => {
    const before = await entryCount();
    expect(
      (
        await thrown(() =>
          addNote({ actor: ctx.responder.actor, incidentId, input: { body: "x", occurredAt: new Date(Date.now() + 3_600_000).toISOString() } }),
        )
      ).fields,
    ).toEqual({
      occurredAt: "Cannot be in the future",
    });
    expect((await thrown(() => addNote({ actor: ctx.responder.actor, incidentId, input: { body: "" } }))).fields).toEqual({ body: "Note cannot be empty" });
    expect((await thrown(() => addNote({ actor: ctx.responder.actor, incidentId, input: { body: "x".repeat(20_001) } }))).status).toBe(400);
    expect((await thrown(() => addNote({ actor: ctx.responder.actor, incidentId, input: { text: "x" } }))).fields).toMatchObject({ text: "Unknown field" });
    expect(await entryCount()).toBe(before);
  });

  it("refuses a viewer with 403 and stores nothing", async () => {
    const before = await entryCount();
    const error = await thrown(() => addNote({ actor: ctx.viewer.actor, incidentId, input: { body: "I can see it too" } }));
    expect(error).toBeInstanceOf(AppError);
    expect(error.status).toBe(403);
    expect(await entryCount()).toBe(before);
  });

  it("answers 404 for a note on someone else's private incident", async () => {
    const secret = (await declareIncident({ actor: ctx.responder.actor, input: { title: "Suspicious logins", severity: "SEV2", private: true } })).incident.id;
    const before = await entryCount();
    expect((await thrown(() => addNote({ actor: outsider.actor, incidentId: secret, input: { body: "hello" } }))).status).toBe(404);
    expect((await thrown(() => addNote({ actor: ctx.viewer.actor, incidentId: secret, input: { body: "hello" } }))).status).toBe(404);
    expect(await entryCount()).toBe(before);
    expect((await addNote({ actor: ctx.admin.actor, incidentId: secret, input: { body: "Admin looking" } })).kind).toBe("note");
  });

  it("answers 404 for an incident that does not exist", async () => {
    expect((await thrown(() => addNote({ actor: ctx.responder.actor, incidentId: 123_456, input: { body: "x" } }))).code).toBe("not_found");
  });

  it("a person's first note acknowledges a token-declared incident", async () => {
    const token = await ctx.t.createToken("responder");
    const { incident } = await declareIncident({ actor: token.actor, input: { title: "Alert: error budget burn", severity: "SEV3" } });
    expect(incident.acknowledgedAt).toBeNull();
    const entry = await addNote({ actor: ctx.responder.actor, incidentId: incident.id, input: { body: "Looking" } });
    const after = await getIncident({ actor: ctx.responder.actor, incidentId: incident.id });
    expect(after.acknowledgedAt).toBe(entry.createdAt);
    expect(after.acknowledgedAtSource).toBe("status_change");
    expect(after.version).toBe(2);
    await addNote({ actor: outsider.actor, incidentId: incident.id, input: { body: "Also looking" } });
    expect((await getIncident({ actor: ctx.responder.actor, incidentId: incident.id })).acknowledgedAt).toBe(entry.createdAt);
  });
});

describe("setHighlighted", () => {
  it("highlights and unhighlights an entry, audited", async () => {
    const entry = await addNote({ actor: ctx.responder.actor, incidentId, input: { body: "Root cause: consumer pool shrank to 1" } });
    expect((await setHighlighted({ actor: ctx.responder.actor, incidentId, entryId: entry.id, highlighted: true })).highlighted).toBe(true);
    expect((await listTimeline({ actor: ctx.responder.actor, incidentId })).find((e) => e.id === entry.id)!.highlighted).toBe(true);
    expect((await setHighlighted({ actor: outsider.actor, incidentId, entryId: entry.id, highlighted: false })).highlighted).toBe(false);
    const actions = (
      await ctx.t.db
        .select({ action: auditLog.action })
        .from(auditLog)
        .where(sql`${auditLog.action} LIKE 'timeline.%highlight'`)
    ).map((r) => r.action);
    expect(actions).toEqual(["timeline.highlight", "timeline.unhighlight"]);
  });

  it("refuses a viewer, and answers 404 for an entry of another incident", async () => {
    const entry = await addNote({ actor: ctx.responder.actor, incidentId, input: { body: "x" } });
    expect((await thrown(() => setHighlighted({ actor: ctx.viewer.actor, incidentId, entryId: entry.id, highlighted: true }))).status).toBe(403);
    const other = (await declareIncident({ actor: ctx.responder.actor, input: { title: "Other", severity: "SEV4" } })).incident.id;
    expect((await thrown(() => setHighlighted({ actor: ctx.responder.actor, incidentId: other, entryId: entry.id, highlighted: true }))).status).toBe(404);
    expect((await listTimeline({ actor: ctx.responder.actor, incidentId })).find((e) => e.id === entry.id)!.highlighted).toBe(false);
  });

  it("rejects a non-boolean flag", async () => {
    const entry = await addNote({ actor: ctx.responder.actor, incidentId, input: { body: "x" } });
    expect(
      (await thrown(() => setHighlighted({ actor: ctx.responder.actor, incidentId, entryId: entry.id, highlighted: "yes" as unknown as boolean }))).status,
    ).toBe(400);
  });
});
