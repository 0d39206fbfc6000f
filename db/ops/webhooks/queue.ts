import "server-only";
import { and, desc, eq } from "drizzle-orm";
import type { Notification, IncidentFacts } from "@/lib/webhooks/event-mapping";
import { incidentReference } from "@/lib/validation/incident";
import { incidentRoles, incidents, users, webhookEndpoints, type WebhookEndpoint } from "../../schema";
import type { Reader, Writer } from "../../types";
import { insertDelivery, parseEvents } from "../../access/webhooks";

export type Subscriber = Pick<WebhookEndpoint, "id" | "format" | "includePrivate" | "createdAt"> & { events: Set<string> };

/** Enabled endpoints with what they subscribe to. */
export async function subscribers(db: Reader): Promise<Subscriber[]> {
  return (
    await db
      .select({
        id: webhookEndpoints.id,
        format: webhookEndpoints.format,
        includePrivate: webhookEndpoints.includePrivate,
        createdAt: webhookEndpoints.createdAt,
        events: webhookEndpoints.events,
      })
      .from(webhookEndpoints)
      .where(eq(webhookEndpoints.enabled, true))
  ).map((row) => ({ ...row, events: new Set<string>(parseEvents(row.events)) }));
}

/**
 * Queues a notification for every endpoint that subscribes to its type, existed when it happened,
 * and (for a private incident) opted in to private incidents. Returns how many were queued.
 */
export async function queueNotification(
  tx: Writer,
  endpoints: Subscriber[],
  note: Notification,
  happenedAt: number,
  extra: { eventId?: number; incidentId: number },
  now: number,
): Promise<number> {
  let queued = 0;
  for (const endpoint of endpoints) {
    if (!endpoint.events.has(note.type) || endpoint.createdAt > happenedAt) continue;
    if (note.private && !endpoint.includePrivate) continue;
    const row = await insertDelivery(
      tx,
      {
        endpoint,
        source: note.source,
        message: note.message,
        eventId: extra.eventId ?? null,
        incidentId: extra.incidentId,
        incidentReference: note.incidentReference,
      },
      now,
    );
    if (row) queued++;
  }
  return queued;
}

/** The incident's fields webhooks describe, and its commander's name, as they are now. */
export async function incidentContext(db: Reader, incidentId: number): Promise<{ incident: IncidentFacts; commander: string | null } | null> {
  const row = (
    await db
      .select({
        id: incidents.id,
        title: incidents.title,
        severity: incidents.severity,
        status: incidents.status,
        private: incidents.private,
        drill: incidents.drill,
        declaredAt: incidents.declaredAt,
        resolvedAt: incidents.resolvedAt,
      })
      .from(incidents)
      .where(eq(incidents.id, incidentId))
  )[0];
  if (!row) return null;
  const commander = (
    await db
      .select({ name: users.name })
      .from(incidentRoles)
      .innerJoin(users, eq(users.id, incidentRoles.userId))
      .where(and(eq(incidentRoles.incidentId, incidentId), eq(incidentRoles.role, "commander")))
      .orderBy(desc(incidentRoles.assignedAt))
  )[0];
  const { id, ...facts } = row;
  return { incident: { ...facts, reference: incidentReference(id) }, commander: commander?.name ?? null };
}
