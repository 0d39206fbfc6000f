import "server-only";
import { asc } from "drizzle-orm";
import type { Actor } from "@/lib/actor";
import { notFound } from "@/lib/errors";
import { requirePermission } from "@/lib/policy";
import type { WebhookEndpointView } from "@/lib/webhooks/event-types";
import { getDb } from "../../client";
import { webhookEndpoints } from "../../schema";
import { endpointView, findEndpoint } from "../../access/webhooks";

/** Every webhook endpoint with its delivery figures, by name (admins). */
export async function listWebhookEndpoints({ actor }: { actor: Actor }): Promise<WebhookEndpointView[]> {
  requirePermission(actor, "webhook", "manage");
  const db = getDb();
  const now = Date.now();
  return (await db.select().from(webhookEndpoints).orderBy(asc(webhookEndpoints.name), asc(webhookEndpoints.id))).map((row) => endpointView(db, row, now));
}

/** One endpoint (admins); 404 when there is none. The secret is never read back, only its hint. */
export async function getWebhookEndpoint({ actor, id }: { actor: Actor; id: number }): Promise<WebhookEndpointView> {
  requirePermission(actor, "webhook", "manage");
  const db = getDb();
  const row = await findEndpoint(db, id);
  if (!row) throw notFound("Webhook");
  return endpointView(db, row);
}
