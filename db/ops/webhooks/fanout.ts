import "server-only";
import { and, asc, desc, eq, gt, lt, max } from "drizzle-orm";
import { NOTIFYING_EVENT_TYPES, notificationsFor } from "@/lib/webhooks/event-mapping";
import { events, webhookFanoutCursor } from "../../schema";
import type { Db, Reader } from "../../types";
import { incidentContext, queueNotification, subscribers } from "./queue";
import { transaction } from "../../transaction";
import { forUpdate } from "../../dialect-sql";

const NOTIFYING = new Set<string>(NOTIFYING_EVENT_TYPES);

/** Where fan-out stands; `lock` (inside a transaction) holds the cursor row until commit, so processes fan out one at a time. */
export async function fanoutCursor(db: Reader, { lock = false } = {}): Promise<number | null> {
  const query = db.select({ id: webhookFanoutCursor.lastEventId }).from(webhookFanoutCursor).where(eq(webhookFanoutCursor.id, 1));
  return (await (lock ? forUpdate(query) : query))[0]?.id ?? null;
}

/**
 * On a database that has never fanned out, start after the newest event: notifications are about
 * what happens from now on, not the history from before webhooks existed.
 */
export async function ensureFanoutCursor(db: Db, now = Date.now()) {
  await transaction(async (tx) => {
    if ((await fanoutCursor(tx)) !== null) return;
    const newest = (await tx.select({ id: max(events.id) }).from(events))[0]?.id ?? 0;
    await tx.insert(webhookFanoutCursor).values({ id: 1, lastEventId: newest, updatedAt: now });
  });
}

async function previousPostmortemStatus(db: Reader, incidentId: number, beforeEventId: number): Promise<string | null> {
  const row = (
    await db
      .select({ payload: events.payload })
      .from(events)
      .where(and(eq(events.incidentId, incidentId), eq(events.type, "postmortem.changed"), lt(events.id, beforeEventId)))
      .orderBy(desc(events.id))
  )[0];
  return row ? ((JSON.parse(row.payload) as { postmortem?: { status?: string } }).postmortem?.status ?? null) : null;
}

/**
 * Reads the next events after the cursor, queues their webhook deliveries and moves the cursor, in
 * ONE transaction: after a crash either both happened or neither, so no notification is lost or
 * queued twice (and the unique webhook-id refuses a second copy anyway). Returns how many events it read.
 */
export async function fanOutEvents(db: Db, options: { baseUrl: string | null; batch?: number; now?: number }): Promise<{ read: number; queued: number }> {
  const now = options.now ?? Date.now();
  return await transaction(async (tx) => {
    const cursor = (await fanoutCursor(tx, { lock: true })) ?? 0;
    const batch = await tx
      .select()
      .from(events)
      .where(gt(events.id, cursor))
      .orderBy(asc(events.id))
      .limit(options.batch ?? 500);
    if (batch.length === 0) return { read: 0, queued: 0 };
    const endpoints = await subscribers(tx);
    let queued = 0;
    if (endpoints.length) {
      const contexts = new Map<number, Awaited<ReturnType<typeof incidentContext>>>();
      for (const event of batch) {
        if (!NOTIFYING.has(event.type)) continue;
        if (!contexts.has(event.incidentId)) contexts.set(event.incidentId, await incidentContext(tx, event.incidentId));
        const context = contexts.get(event.incidentId);
        if (!context) continue;
        const previous = event.type === "postmortem.changed" ? await previousPostmortemStatus(tx, event.incidentId, event.id) : null;
        const notes = notificationsFor(
          { id: event.id, type: event.type, at: event.at, actorLabel: event.actorLabel, payload: JSON.parse(event.payload) },
          { ...context, baseUrl: options.baseUrl, previousPostmortemStatus: previous },
        );
        for (const note of notes) queued += await queueNotification(tx, endpoints, note, event.at, { eventId: event.id, incidentId: event.incidentId }, now);
      }
    }
    const last = batch[batch.length - 1]!.id;
    await tx
      .insert(webhookFanoutCursor)
      .values({ id: 1, lastEventId: last, updatedAt: now })
      .onConflictDoUpdate({ target: webhookFanoutCursor.id, set: { lastEventId: last, updatedAt: now } });
    return { read: batch.length, queued };
  });
}
