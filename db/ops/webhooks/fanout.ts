import "server-only";
import { and, asc, desc, eq, gt, lt, max } from "drizzle-orm";
import { NOTIFYING_EVENT_TYPES, notificationsFor } from "@/lib/webhooks/event-mapping";
import { events, webhookFanoutCursor } from "../../schema";
import type { Db, Reader } from "../../types";
import { incidentContext, queueNotification, subscribers } from "./queue";

const NOTIFYING = new Set<string>(NOTIFYING_EVENT_TYPES);

export function fanoutCursor(db: Reader): number | null {
  return db.select({ id: webhookFanoutCursor.lastEventId }).from(webhookFanoutCursor).where(eq(webhookFanoutCursor.id, 1)).get()?.id ?? null;
}

/**
 * On a database that has never fanned out, start after the newest event: notifications are about
 * what happens from now on, not the history from before webhooks existed.
 */
export function ensureFanoutCursor(db: Db, now = Date.now()) {
  db.transaction(
    (tx) => {
      if (fanoutCursor(tx) !== null) return;
      const newest =
        tx
          .select({ id: max(events.id) })
          .from(events)
          .get()?.id ?? 0;
      tx.insert(webhookFanoutCursor).values({ id: 1, lastEventId: newest, updatedAt: now }).run();
    },
    { behavior: "immediate" },
  );
}

function previousPostmortemStatus(db: Reader, incidentId: number, beforeEventId: number): string | null {
  const row = db
    .select({ payload: events.payload })
    .from(events)
    .where(and(eq(events.incidentId, incidentId), eq(events.type, "postmortem.changed"), lt(events.id, beforeEventId)))
    .orderBy(desc(events.id))
    .get();
  return row ? ((JSON.parse(row.payload) as { postmortem?: { status?: string } }).postmortem?.status ?? null) : null;
}

/**
 * Reads the next events after the cursor, queues their webhook deliveries and moves the cursor, in
 * ONE transaction: after a crash either both happened or neither, so no notification is lost or
 * queued twice (and the unique webhook-id refuses a second copy anyway). Returns how many events it read.
 */
export function fanOutEvents(db: Db, options: { baseUrl: string | null; batch?: number; now?: number }): { read: number; queued: number } {
  const now = options.now ?? Date.now();
  return db.transaction(
    (tx) => {
      const cursor = fanoutCursor(tx) ?? 0;
      const batch = tx
        .select()
        .from(events)
        .where(gt(events.id, cursor))
        .orderBy(asc(events.id))
        .limit(options.batch ?? 500)
        .all();
      if (batch.length === 0) return { read: 0, queued: 0 };
      const endpoints = subscribers(tx);
      let queued = 0;
      if (endpoints.length) {
        const contexts = new Map<number, ReturnType<typeof incidentContext>>();
        for (const event of batch) {
          if (!NOTIFYING.has(event.type)) continue;
          if (!contexts.has(event.incidentId)) contexts.set(event.incidentId, incidentContext(tx, event.incidentId));
          const context = contexts.get(event.incidentId);
          if (!context) continue;
          const previous = event.type === "postmortem.changed" ? previousPostmortemStatus(tx, event.incidentId, event.id) : null;
          const notes = notificationsFor(
            { id: event.id, type: event.type, at: event.at, actorLabel: event.actorLabel, payload: JSON.parse(event.payload) },
            { ...context, baseUrl: options.baseUrl, previousPostmortemStatus: previous },
          );
          for (const note of notes) queued += queueNotification(tx, endpoints, note, event.at, { eventId: event.id, incidentId: event.incidentId }, now);
        }
      }
      const last = batch[batch.length - 1]!.id;
      tx.insert(webhookFanoutCursor)
        .values({ id: 1, lastEventId: last, updatedAt: now })
        .onConflictDoUpdate({ target: webhookFanoutCursor.id, set: { lastEventId: last, updatedAt: now } })
        .run();
      return { read: batch.length, queued };
    },
    { behavior: "immediate" },
  );
}
