import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { setUpTestDb } from "../../testing/test-db";
import { actionItems, webhookDeliveries } from "../../schema";
import { declareIncident } from "../../commands/incidents/declare";
import { createActionItem } from "../../commands/action-items/create";
import { createWebhookEndpoint } from "../../commands/webhooks/endpoints";
import { announceOverdueActionItems } from "./overdue";

const ctx = setUpTestDb();
const DAY = 86_400_000;

describe("action_item.overdue", () => {
  it("announces an open item past its due day once per due date, in the same transaction as its deliveries", async () => {
    const db = ctx.t.db;
    const now = Date.parse("2030-03-10T12:00:00Z");
    // Items overdue before anyone subscribed are recorded, not sent later.
    await announceOverdueActionItems(db, { baseUrl: null, now: now - DAY * 365 * 10 });
    await announceOverdueActionItems(db, { baseUrl: null, now });
    const endpoint = (
      await createWebhookEndpoint({
        actor: ctx.admin.actor,
        input: { name: "Overdue", url: "https://hooks.example.com/o", events: ["action_item.overdue"], format: "teams" },
      })
    ).endpoint;
    const incident = (await declareIncident({ actor: ctx.responder.actor, input: { title: "Disk full", severity: "SEV3" } })).incident;
    const item = await createActionItem({
      actor: ctx.responder.actor,
      incidentId: incident.id,
      input: { title: "Alert on disk usage", ownerId: ctx.responder.id, priority: "P2", kind: "detect" },
    });
    const done = await createActionItem({
      actor: ctx.responder.actor,
      incidentId: incident.id,
      input: { title: "Already done", ownerId: ctx.responder.id, priority: "P3", kind: "process" },
    });
    await db.update(actionItems).set({ dueDate: "2030-03-09" }).where(eq(actionItems.id, item.id));
    await db.update(actionItems).set({ dueDate: "2030-03-09", status: "done" }).where(eq(actionItems.id, done.id));
    const later = now + DAY * 40;
    // Due today (the due day itself) is not overdue yet.
    await db.update(actionItems).set({ dueDate: "2030-03-10" }).where(eq(actionItems.id, item.id));
    expect(await announceOverdueActionItems(db, { baseUrl: null, now })).toEqual({ announced: 0, queued: 0 });
    await db.update(actionItems).set({ dueDate: "2030-03-09" }).where(eq(actionItems.id, item.id));
    expect(await announceOverdueActionItems(db, { baseUrl: "https://h.example", now: later })).toEqual({ announced: 1, queued: 1 });
    expect(await announceOverdueActionItems(db, { baseUrl: "https://h.example", now: later + 1 })).toEqual({ announced: 0, queued: 0 });
    // A new due date that passes is announced again.
    await db.update(actionItems).set({ dueDate: "2030-04-01" }).where(eq(actionItems.id, item.id));
    expect(await announceOverdueActionItems(db, { baseUrl: "https://h.example", now: later + 2 })).toEqual({ announced: 1, queued: 1 });
    const rows = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpoint.id));
    expect(rows.map((r) => r.webhookId)).toEqual([`msg_ai${item.id}-2030-03-09_${endpoint.id}`, `msg_ai${item.id}-2030-04-01_${endpoint.id}`]);
    const card = JSON.parse(rows[0]!.body) as { attachments: { contentType: string; content: { body: { text?: string }[] } }[] };
    expect(card.attachments[0]!.contentType).toBe("application/vnd.microsoft.card.adaptive");
    expect(card.attachments[0]!.content.body[0]!.text).toBe("Action item overdue: Alert on disk usage");
  });
});
