import "server-only";
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Actor } from "@/lib/actor";
import { AppError, notFound } from "@/lib/errors";
import { requirePermission } from "@/lib/policy";
import type { WebhookDeliveryView } from "@/lib/webhooks/event-types";
import { iso } from "@/lib/webhooks/message";
import { webhookDeliveries } from "../../schema";
import { recordAudit } from "../../access/audit";
import { deliveryView, findDelivery, findEndpoint, insertDelivery } from "../../access/webhooks";
import { nudgeWebhookWorker } from "../../access/webhook-nudge";
import { transaction } from "../../transaction";

/**
 * Queues a delivery again, due now, with the same body and `webhook-id` (receivers that already
 * have it can drop it), and a fresh retry schedule. Sent even while the endpoint is disabled: an admin asked for it.
 */
export async function redeliverWebhook({
  actor,
  endpointId,
  deliveryId,
}: {
  actor: Actor;
  endpointId: number;
  deliveryId: number;
}): Promise<WebhookDeliveryView> {
  requirePermission(actor, "webhook", "manage");
  const now = Date.now();
  const row = await transaction(async (tx) => {
    const d = webhookDeliveries;
    const current = await findDelivery(tx, endpointId, deliveryId);
    if (!current) throw notFound("Webhook delivery");
    if (current.status === "delivering" && (current.claimedUntil ?? 0) > now) {
      throw new AppError("conflict", "This delivery is being sent right now; wait for the attempt to finish");
    }
    const updated = (
      await tx
        .update(d)
        .set({ status: "pending", nextAttemptAt: now, claimedUntil: null, manual: true, scheduleStart: current.attempts })
        .where(eq(d.id, deliveryId))
        .returning()
    )[0]!;
    await recordAudit(
      tx,
      actor,
      { action: "webhook.redeliver", entityType: "webhook", entityId: endpointId, after: { deliveryId, webhookId: current.webhookId } },
      now,
    );
    return updated;
  });
  nudgeWebhookWorker();
  return deliveryView(row);
}

/** Queues a "webhook.test" delivery to the endpoint, sent at once (also while it is disabled). */
export async function sendTestWebhook({ actor, endpointId }: { actor: Actor; endpointId: number }): Promise<WebhookDeliveryView> {
  requirePermission(actor, "webhook", "manage");
  const now = Date.now();
  const row = await transaction(async (tx) => {
    const endpoint = await findEndpoint(tx, endpointId);
    if (!endpoint) throw notFound("Webhook");
    const created = (await insertDelivery(
      tx,
      {
        endpoint,
        source: `test${randomBytes(6).toString("hex")}`,
        manual: true,
        message: {
          type: "webhook.test",
          timestamp: iso(now),
          data: { message: "This is a test notification from Hindsight. No incident changed.", endpoint: { id: endpoint.id, name: endpoint.name } },
        },
      },
      now,
    ))!;
    await recordAudit(
      tx,
      actor,
      { action: "webhook.test", entityType: "webhook", entityId: endpointId, after: { deliveryId: created.id, webhookId: created.webhookId } },
      now,
    );
    return created;
  });
  nudgeWebhookWorker();
  return deliveryView(row);
}
