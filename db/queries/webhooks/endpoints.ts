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
  const views: WebhookEndpointView[] = [];
  for (const row of await db.select().from(webhookEndpoints).orderBy(asc(webhookEndpoints.name), asc(webhookEndpoints.id)))
    views.push(await endpointView(db, row, now));
  return views;
}

/** One endpoint (admins); 404 when there is none. The secret is never read back, only its hint. */
export async function getWebhookEndpoint({ actor, id }: { actor: Actor; id: number }): Promise<WebhookEndpointView> {
  requirePermission(actor, "webhook", "manage");
  const db = getDb();
  const row = await findEndpoint(db, id);
  if (!row) throw notFound("Webhook");
  return await endpointView(db, row);
}
