import { beforeAll, describe, expect, it } from "vitest";
import { asc, eq } from "drizzle-orm";
import { setUpTestDb } from "../../testing/test-db";
import { postmortemInReview } from "../../testing/postmortem-fixtures";
import { events, webhookDeliveries, webhookFanoutCursor, type WebhookDelivery } from "../../schema";
import type { Db } from "../../types";
import { declareIncident } from "../../commands/incidents/declare";
import { updateIncident } from "../../commands/incidents/update";
import { addNote } from "../../commands/incidents/timeline";
import { transitionPostmortem } from "../../commands/postmortems/review";
import { createWebhookEndpoint, updateWebhookEndpoint } from "../../commands/webhooks/endpoints";
import { WEBHOOK_EVENT_TYPES } from "@/lib/webhooks/event-types";
import { ensureFanoutCursor, fanOutEvents, fanoutCursor } from "./fanout";

const ctx = setUpTestDb();
const BASE = "https://hindsight.example.com";
const fanOut = (db: Db = ctx.t.db) => {
  let total = 0;
  for (let r = fanOutEvents(db, { baseUrl: BASE, batch: 7 }); r.read > 0; r = fanOutEvents(db, { baseUrl: BASE, batch: 7 })) total += r.queued;
  return total;
};
const endpoint = (over: Record<string, unknown> = {}) =>
  createWebhookEndpoint({
    actor: ctx.admin.actor,
    input: { name: "All", url: "https://hooks.example.com/x", events: [...WEBHOOK_EVENT_TYPES], format: "standard", ...over },
  }).endpoint;
const deliveriesOf = (endpointId: number): WebhookDelivery[] =>
  ctx.t.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpointId)).orderBy(asc(webhookDeliveries.id)).all();
const bodies = (endpointId: number) => deliveriesOf(endpointId).map((d) => JSON.parse(d.body) as { type: string; data: Record<string, never> });
const declare = (input: Record<string, unknown> = {}) =>
  declareIncident({ actor: ctx.responder.actor, input: { title: "Checkout errors", severity: "SEV2", ...input } }).incident;

beforeAll(() => ensureFanoutCursor(ctx.t.db));

describe("webhook fan-out from the event log", () => {
  it("starts after the events that existed before webhooks", () => {
    const newest = ctx.t.db.select({ id: events.id }).from(events).all().at(-1)?.id ?? 0;
    expect(fanoutCursor(ctx.t.db)).toBe(newest);
  });

  it("maps incident changes to webhook events with the previous status and severity", () => {
    const hook = endpoint();
    const incident = declare();
    const actor = ctx.responder.actor;
    const v2 = updateIncident({
      actor,
      incidentId: incident.id,
      input: { version: incident.version, status: "monitoring", message: "Rolled back the deploy" },
    });
    const v3 = updateIncident({ actor, incidentId: incident.id, input: { version: v2.version, severity: "SEV1" } });
    addNote({ actor, incidentId: incident.id, input: { body: "internal note, not an update" } });
    updateIncident({ actor, incidentId: incident.id, input: { version: v3.version, status: "resolved" } });
    fanOut();
    const sent = bodies(hook.id);
    expect(sent.map((b) => b.type)).toEqual([
      "incident.declared",
      "incident.status_changed",
      "incident.update_posted",
      "incident.severity_changed",
      "incident.status_changed",
      "incident.resolved",
    ]);
    expect(sent[0]!.data).toMatchObject({
      declaredBy: ctx.responder.name,
      incident: { reference: `INC-${incident.id}`, url: `${BASE}/incidents/INC-${incident.id}` },
    });
    expect(sent[1]!.data).toMatchObject({ previousStatus: "investigating", incident: { status: "monitoring" } });
    expect(sent[2]!.data).toMatchObject({ update: { body: "Rolled back the deploy", author: ctx.responder.name } });
    expect(sent[3]!.data).toMatchObject({ previousSeverity: "SEV2", incident: { severity: "SEV1" } });
    expect(sent[4]!.data).toMatchObject({ previousStatus: "monitoring", incident: { status: "resolved" } });
    const rows = deliveriesOf(hook.id);
    expect(new Set(rows.map((r) => r.webhookId)).size).toBe(rows.length);
    expect(rows[0]!.webhookId).toBe(`msg_ev${rows[0]!.eventId}-incident-declared_${hook.id}`);
    expect(rows.every((r) => r.status === "pending" && r.incidentReference === `INC-${incident.id}`)).toBe(true);
  });

  it("announces a postmortem once, when it becomes published", () => {
    const incident = declare({ severity: "SEV2" });
    const hook = endpoint({ events: ["postmortem.published"] });
    const sent = postmortemInReview(ctx, incident);
    transitionPostmortem({ actor: ctx.admin.actor, incidentId: incident.id, input: { to: "published", version: sent.version } });
    fanOut();
    expect(bodies(hook.id).map((b) => b.type)).toEqual(["postmortem.published"]);
    expect(bodies(hook.id)[0]!.data).toMatchObject({ postmortem: { url: `${BASE}/incidents/INC-${incident.id}/postmortem` } });
  });

  it("sends only what an endpoint subscribes to, while enabled, from its creation on; private incidents only when opted in", () => {
    const before = declare();
    const resolvedOnly = endpoint({ events: ["incident.resolved"] });
    const disabled = endpoint({ enabled: false });
    const privateToo = endpoint({ includePrivate: true, events: ["incident.declared"] });
    const publicOnly = endpoint({ events: ["incident.declared"] });
    declare({ private: true, title: "Secret" });
    declare({ title: "Public" });
    updateIncident({ actor: ctx.responder.actor, incidentId: before.id, input: { version: before.version, status: "resolved" } });
    fanOut();
    expect(bodies(resolvedOnly.id).map((b) => b.type)).toEqual(["incident.resolved"]);
    expect(deliveriesOf(disabled.id)).toEqual([]);
    expect(bodies(privateToo.id).map((b) => b.data.incident)).toMatchObject([{ title: "Secret", private: true }, { title: "Public" }]);
    expect(bodies(publicOnly.id).map((b) => b.data.incident)).toMatchObject([{ title: "Public" }]);
    // Re-enabled, it gets what happens from then on.
    updateWebhookEndpoint({ actor: ctx.admin.actor, id: disabled.id, input: { version: disabled.version, enabled: true } });
    declare({ title: "Later" });
    fanOut();
    expect(bodies(disabled.id).map((b) => b.data.incident)).toMatchObject([{ title: "Later" }]);
  });

  it("queues each notification exactly once: a crash before commit queues nothing and moves nothing", () => {
    const hook = endpoint({ format: "slack" });
    const cursorBefore = fanoutCursor(ctx.t.db);
    const a = declare({ title: "One" });
    declare({ title: "Two" });
    // The process dies after the inserts, before the commit: the transaction rolls back whole.
    const crashing = Object.create(ctx.t.db) as Db;
    crashing.transaction = ((fn: (tx: unknown) => unknown, options: never) =>
      ctx.t.db.transaction((tx) => {
        fn(tx);
        throw new Error("killed");
      }, options)) as Db["transaction"];
    expect(() => fanOutEvents(crashing, { baseUrl: BASE })).toThrow("killed");
    expect(deliveriesOf(hook.id)).toEqual([]);
    expect(fanoutCursor(ctx.t.db)).toBe(cursorBefore);
    fanOut();
    fanOut();
    const rows = deliveriesOf(hook.id);
    expect(rows).toHaveLength(2);
    expect(JSON.parse(rows[0]!.body)).toMatchObject({ text: expect.stringContaining(`INC-${a.id} One`) });
    // Even a second fan-out of the same events (cursor moved back) queues no copy: webhook-id is unique.
    ctx.t.db.update(webhookFanoutCursor).set({ lastEventId: cursorBefore! }).run();
    expect(fanOutEvents(ctx.t.db, { baseUrl: BASE }).queued).toBe(0);
  });
});
