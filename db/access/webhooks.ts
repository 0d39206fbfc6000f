import "server-only";
import { randomBytes } from "node:crypto";
import { and, desc, eq, isNotNull, sql } from "drizzle-orm";
import { WEBHOOK_EVENT_TYPES, type WebhookDeliveryView, type WebhookEndpointView, type WebhookEventType } from "@/lib/webhooks/event-types";
import { renderWebhookBody } from "@/lib/webhooks/formats";
import type { WebhookMessage } from "@/lib/webhooks/message";
import { webhookDeliveries, webhookEndpoints, type WebhookDelivery, type WebhookEndpoint } from "../schema";
import type { Reader, Writer } from "../types";
import { countWhere } from "../dialect-sql";

const DAY = 24 * 60 * 60 * 1000;

/** A Standard Webhooks secret: "whsec_" and 24 random bytes in base64 (the part receivers decode). */
export function generateWebhookSecret(): { secret: string; hint: string } {
  const secret = `whsec_${randomBytes(24).toString("base64")}`;
  return { secret, hint: secret.slice(-4) };
}

export function parseEvents(json: string): WebhookEventType[] {
  const list = JSON.parse(json) as string[];
  return WEBHOOK_EVENT_TYPES.filter((t) => list.includes(t));
}

export async function findEndpoint(db: Reader, id: number): Promise<WebhookEndpoint | undefined> {
  return (await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, id)))[0];
}

/** A delivery of that endpoint (undefined for another endpoint's). */
export async function findDelivery(db: Reader, endpointId: number, deliveryId: number): Promise<WebhookDelivery | undefined> {
  return (
    await db
      .select()
      .from(webhookDeliveries)
      .where(and(eq(webhookDeliveries.id, deliveryId), eq(webhookDeliveries.endpointId, endpointId)))
  )[0];
}

async function endpointStats(db: Reader, endpointId: number, now: number): Promise<WebhookEndpointView["stats"]> {
  const d = webhookDeliveries;
  const since = now - DAY;
  const counts = (
    await db
      .select({
        pending: countWhere(sql`${d.status} IN ('pending', 'delivering')`).mapWith(Number),
        failed24h: countWhere(sql`${d.status} = 'failed' AND coalesce(${d.lastAttemptAt}, ${d.createdAt}) >= ${since}`).mapWith(Number),
        delivered24h: countWhere(sql`${d.status} = 'delivered' AND ${d.deliveredAt} >= ${since}`).mapWith(Number),
      })
      .from(d)
      .where(eq(d.endpointId, endpointId))
  )[0]!;
  const last = (
    await db
      .select({ at: d.lastAttemptAt, code: d.lastStatusCode })
      .from(d)
      .where(and(eq(d.endpointId, endpointId), isNotNull(d.lastAttemptAt)))
      .orderBy(desc(d.lastAttemptAt))
      .limit(1)
  )[0];
  return { ...counts, lastAttemptAt: last?.at ?? null, lastStatusCode: last?.code ?? null };
}

export async function endpointView(db: Reader, row: WebhookEndpoint, now = Date.now()): Promise<WebhookEndpointView> {
  return {
    id: row.id,
    name: row.name,
    url: row.url,
    events: parseEvents(row.events),
    format: row.format,
    includePrivate: row.includePrivate,
    enabled: row.enabled,
    disabledReason: row.disabledReason,
    disabledAt: row.disabledAt,
    secretHint: row.secretHint,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    stats: await endpointStats(db, row.id, now),
  };
}

export function deliveryView(row: WebhookDelivery): WebhookDeliveryView {
  return {
    id: row.id,
    webhookId: row.webhookId,
    eventType: row.eventType as WebhookDeliveryView["eventType"],
    incidentReference: row.incidentReference,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.nextAttemptAt,
    createdAt: row.createdAt,
    deliveredAt: row.deliveredAt,
    lastStatusCode: row.lastStatusCode,
    lastDurationMs: row.lastDurationMs,
    lastError: row.lastError,
  };
}

export type NewDelivery = {
  endpoint: Pick<WebhookEndpoint, "id" | "format">;
  /** What the notification is about, unique per endpoint: "ev42" (event log id), "ai7d2026-12-01", "test…". */
  source: string;
  message: WebhookMessage;
  eventId?: number | null;
  incidentId?: number | null;
  incidentReference?: string | null;
  manual?: boolean;
};

/** The `webhook-id` of a delivery: stable across retries, redeliveries and restarts. */
export const webhookIdOf = (source: string, endpointId: number) => `msg_${source}_${endpointId}`;

/**
 * Queues one delivery (due now) with its body rendered for the endpoint's format. A delivery for the
 * same source and endpoint already queued is left as it is: fan-out may be retried, never doubled.
 */
export async function insertDelivery(tx: Writer, input: NewDelivery, now: number): Promise<WebhookDelivery | undefined> {
  return (
    await tx
      .insert(webhookDeliveries)
      .values({
        endpointId: input.endpoint.id,
        webhookId: webhookIdOf(input.source, input.endpoint.id),
        eventType: input.message.type,
        eventId: input.eventId ?? null,
        incidentId: input.incidentId ?? null,
        incidentReference: input.incidentReference ?? null,
        body: renderWebhookBody(input.endpoint.format, input.message),
        status: "pending",
        manual: input.manual ?? false,
        nextAttemptAt: now,
        createdAt: now,
      })
      .onConflictDoNothing({ target: webhookDeliveries.webhookId })
      .returning()
  )[0];
}
