import "server-only";
import { and, asc, desc, eq, lt } from "drizzle-orm";
import type { Actor } from "@/lib/actor";
import { AppError, notFound } from "@/lib/errors";
import { requirePermission } from "@/lib/policy";
import type { WebhookDeliveryDetail, WebhookDeliveryView } from "@/lib/webhooks/event-types";
import { getDb } from "../../client";
import { webhookAttempts, webhookDeliveries } from "../../schema";
import { deliveryView, findDelivery, findEndpoint } from "../../access/webhooks";

const encode = (id: number) => Buffer.from(`d${id}`).toString("base64url");
function decode(cursor: string): number {
  const match = /^d(\d{1,15})$/.exec(Buffer.from(cursor, "base64url").toString("utf8"));
  if (!match) throw new AppError("validation_failed", "Invalid cursor: pass nextCursor from the previous page", { cursor: "Invalid cursor" });
  return Number(match[1]);
}

/** An endpoint's deliveries, newest first, a page at a time (admins). */
export async function listWebhookDeliveries({
  actor,
  endpointId,
  cursor,
  limit = 50,
}: {
  actor: Actor;
  endpointId: number;
  cursor?: string | null;
  limit?: number;
}): Promise<{ items: WebhookDeliveryView[]; nextCursor: string | null }> {
  requirePermission(actor, "webhook", "manage");
  const db = getDb();
  if (!(await findEndpoint(db, endpointId))) throw notFound("Webhook");
  const size = Math.min(Math.max(Math.trunc(limit), 1), 200);
  const d = webhookDeliveries;
  const before = cursor ? decode(cursor) : null;
  const rows = await db
    .select()
    .from(d)
    .where(before === null ? eq(d.endpointId, endpointId) : and(eq(d.endpointId, endpointId), lt(d.id, before)))
    .orderBy(desc(d.id))
    .limit(size + 1);
  const page = rows.slice(0, size);
  return { items: page.map(deliveryView), nextCursor: rows.length > size ? encode(page[page.length - 1]!.id) : null };
}

/** One delivery with the body it sends and every attempt made (admins). */
export async function getWebhookDelivery({
  actor,
  endpointId,
  deliveryId,
}: {
  actor: Actor;
  endpointId: number;
  deliveryId: number;
}): Promise<WebhookDeliveryDetail> {
  requirePermission(actor, "webhook", "manage");
  const db = getDb();
  const row = await findDelivery(db, endpointId, deliveryId);
  if (!row) throw notFound("Webhook delivery");
  const attemptsLog = await db
    .select({
      attempt: webhookAttempts.attempt,
      at: webhookAttempts.at,
      statusCode: webhookAttempts.statusCode,
      durationMs: webhookAttempts.durationMs,
      error: webhookAttempts.error,
    })
    .from(webhookAttempts)
    .where(eq(webhookAttempts.deliveryId, deliveryId))
    .orderBy(asc(webhookAttempts.attempt), asc(webhookAttempts.id));
  return { ...deliveryView(row), body: row.body, attemptsLog };
}
