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
import { transaction } from "../../transaction";

const ctx = setUpTestDb();
const BASE = "https://hindsight.example.com";
const fanOut = async (db: Db = ctx.t.db) => {
  let total = 0;
  for (let r = await fanOutEvents(db, { baseUrl: BASE, batch: 7 }); r.read > 0; r = await fanOutEvents(db, { baseUrl: BASE, batch: 7 })) total += r.queued;
  return total;
};
const endpoint = async (over: Record<string, unknown> = {}) =>
  (
    await createWebhookEndpoint({
      actor: ctx.admin.actor,
      input: { name: "All", url: "https://hooks.example.com/x", events: [...WEBHOOK_EVENT_TYPES], format: "standard", ...over },
    })
  ).endpoint;
const deliveriesOf = async (endpointId: number): Promise<WebhookDelivery[]> =>
  await ctx.t.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpointId)).orderBy(asc(webhookDeliveries.id));
const bodies = async (endpointId: number) => (await deliveriesOf(endpointId)).map((d) => JSON.parse(d.body) as { type: string; data: Record<string, never> });
const declare = async (input: Record<string, unknown> = {}) =>
  (await declareIncident({ actor: ctx.responder.actor, input: { title: "Checkout errors", severity: "SEV2", ...input } })).incident;

beforeAll(() => ensureFanoutCursor(ctx.t.db));

describe("webhook fan-out from the event log", () => {
  it("starts after the events that existed before webhooks", async () => {
    const newest = (await ctx.t.db.select({ id: events.id }).from(events)).at(-1)?.id ?? 0;
    expect(await fanoutCursor(ctx.t.db)).toBe(newest);
  });

  it("maps incident changes to webhook events with the previous status and severity", async () => {
    const hook = await endpoint();
    const incident = await declare();
    const actor = ctx.responder.actor;
    const v2 = await updateIncident({
      actor,
      incidentId: incident.id,
      input: { version: incident.version, status: "monitoring", message: "Rolled back the deploy" },
    });
    const v3 = await updateIncident({ actor, incidentId: incident.id, input: { version: v2.version, severity: "SEV1" } });
    await addNote({ actor, incidentId: incident.id, input: { body: "internal note, not an update" } });
    await updateIncident({ actor, incidentId: incident.id, input: { version: v3.version, status: "resolved" } });
    await fanOut();
    const sent = await bodies(hook.id);
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
    const rows = await deliveriesOf(hook.id);
    expect(new Set(rows.map((r) => r.webhookId)).size).toBe(rows.length);
    expect(rows[0]!.webhookId).toBe(`msg_ev${rows[0]!.eventId}-incident-declared_${hook.id}`);
    expect(rows.every((r) => r.status === "pending" && r.incidentReference === `INC-${incident.id}`)).toBe(true);
  });

  it("announces a postmortem once, when it becomes published", async () => {
    const incident = await declare({ severity: "SEV2" });
    const hook = await endpoint({ events: ["postmortem.published"] });
    const sent = await postmortemInReview(ctx, incident);
    await transitionPostmortem({ actor: ctx.admin.actor, incidentId: incident.id, input: { to: "published", version: sent.version } });
    await fanOut();
    expect((await bodies(hook.id)).map((b) => b.type)).toEqual(["postmortem.published"]);
    expect((await bodies(hook.id))[0]!.data).toMatchObject({ postmortem: { url: `${BASE}/incidents/INC-${incident.id}/postmortem` } });
  });

  it("sends only what an endpoint subscribes to, while enabled, from its creation on; private incidents only when opted in", async () => {
    const before = await declare();
    const resolvedOnly = await endpoint({ events: ["incident.resolved"] });
    const disabled = await endpoint({ enabled: false });
    const privateToo = await endpoint({ includePrivate: true, events: ["incident.declared"] });
    const publicOnly = await endpoint({ events: ["incident.declared"] });
    await declare({ private: true, title: "Secret" });
    await declare({ title: "Public" });
    await updateIncident({ actor: ctx.responder.actor, incidentId: before.id, input: { version: before.version, status: "resolved" } });
    await fanOut();
    expect((await bodies(resolvedOnly.id)).map((b) => b.type)).toEqual(["incident.resolved"]);
    expect(await deliveriesOf(disabled.id)).toEqual([]);
    expect((await bodies(privateToo.id)).map((b) => b.data.incident)).toMatchObject([{ title: "Secret", private: true }, { title: "Public" }]);
    expect((await bodies(publicOnly.id)).map((b) => b.data.incident)).toMatchObject([{ title: "Public" }]);
    // Re-enabled, it gets what happens from then on.
    await updateWebhookEndpoint({ actor: ctx.admin.actor, id: disabled.id, input: { version: disabled.version, enabled: true } });
    await declare({ title: "Later" });
    await fanOut();
    expect((await bodies(disabled.id)).map((b) => b.data.incident)).toMatchObject([{ title: "Later" }]);
  });

  it("queues each notification exactly once: a crash before commit queues nothing and moves nothing", async () => {
    const hook = await endpoint({ format: "slack" });
    const cursorBefore = await fanoutCursor(ctx.t.db);
    const a = await declare({ title: "One" });
    await declare({ title: "Two" });
    // The process dies after the inserts, before the commit: the transaction rolls back whole.
    await expect(
      transaction(async (tx) => {
        await fanOutEvents(tx, { baseUrl: BASE });
        throw new Error("killed");
      }),
    ).rejects.toThrow("killed");
    expect(await deliveriesOf(hook.id)).toEqual([]);
    expect(await fanoutCursor(ctx.t.db)).toBe(cursorBefore);
    await fanOut();
    await fanOut();
    const rows = await deliveriesOf(hook.id);
    expect(rows).toHaveLength(2);
    expect(JSON.parse(rows[0]!.body)).toMatchObject({ text: expect.stringContaining(`INC-${a.id} One`) });
    // Even a second fan-out of the same events (cursor moved back) queues no copy: webhook-id is unique.
    await ctx.t.db.update(webhookFanoutCursor).set({ lastEventId: cursorBefore! });
    expect((await fanOutEvents(ctx.t.db, { baseUrl: BASE })).queued).toBe(0);
  });
});
