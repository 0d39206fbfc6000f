import "server-only";
import { and, asc, eq, lt, lte, or, sql } from "drizzle-orm";
import { disableReason, nextStep, type AttemptResult } from "@/lib/webhooks/retry-policy";
import { webhookAttempts, webhookDeliveries, webhookEndpoints, type WebhookDelivery, type WebhookEndpoint } from "../../schema";
import type { Db, Tx } from "../../types";
import { recordAudit } from "../../access/audit";
import { transaction } from "../../transaction";
import { forUpdate } from "../../dialect-sql";

export type ClaimedDelivery = Pick<WebhookDelivery, "id" | "webhookId" | "body" | "attempts" | "endpointId"> & {
  claimedUntil: number;
  endpoint: Pick<WebhookEndpoint, "url" | "secret" | "format">;
};

const INTERRUPTED = "No outcome recorded: the server stopped during this attempt";

/**
 * Claims up to `limit` deliveries that are due — pending ones whose time has come, and claims whose
 * lease ran out (the process that held them died mid-request) — for `leaseMs`. Deliveries of a
 * disabled endpoint wait, unless an admin queued them (test event, redeliver).
 */
export async function claimDueDeliveries(db: Db, options: { now: number; limit: number; leaseMs: number }): Promise<ClaimedDelivery[]> {
  const { now } = options;
  const d = webhookDeliveries;
  return await transaction(async (tx) => {
    const due = tx
      .select({ delivery: d, endpoint: { url: webhookEndpoints.url, secret: webhookEndpoints.secret, format: webhookEndpoints.format } })
      .from(d)
      .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, d.endpointId))
      .where(
        and(
          // The partial index's own condition, as literals (a bound parameter cannot match it): only unfinished deliveries are read.
          sql`${d.status} IN ('pending', 'delivering')`,
          or(and(eq(d.status, "pending"), lte(d.nextAttemptAt, now)), and(eq(d.status, "delivering"), lt(d.claimedUntil, now))),
          or(eq(webhookEndpoints.enabled, true), eq(d.manual, true)),
        ),
      )
      .orderBy(asc(d.nextAttemptAt), asc(d.id))
      .limit(options.limit);
    // PostgreSQL: another process claiming at the same moment skips these rows instead of waiting for them.
    const rows = await forUpdate(due, { skipLocked: true, of: d });
    const claimedUntil = now + options.leaseMs;
    const claimed: ClaimedDelivery[] = [];
    for (const { delivery, endpoint } of rows) {
      let attempts = delivery.attempts;
      if (delivery.status === "delivering") {
        // Its attempt never finished: log it, then send again at once (same webhook-id and body).
        attempts += 1;
        await tx
          .insert(webhookAttempts)
          .values({ deliveryId: delivery.id, attempt: attempts, at: delivery.lastAttemptAt ?? now, statusCode: null, durationMs: 0, error: INTERRUPTED });
      }
      await tx.update(d).set({ status: "delivering", claimedUntil, attempts, lastAttemptAt: now }).where(eq(d.id, delivery.id));
      claimed.push({ id: delivery.id, webhookId: delivery.webhookId, body: delivery.body, attempts, endpointId: delivery.endpointId, claimedUntil, endpoint });
    }
    return claimed;
  });
}

async function updateEndpointHealth(
  tx: Tx,
  endpointId: number,
  succeeded: boolean,
  finalFailure: boolean,
  now: number,
  options: { disableAfter: number; scale: number },
) {
  const e = webhookEndpoints;
  if (succeeded) {
    await tx.update(e).set({ consecutiveFailures: 0, failingSince: null }).where(eq(e.id, endpointId));
    return;
  }
  const endpoint = (
    await tx
      .update(e)
      .set({
        consecutiveFailures: finalFailure ? sql`${e.consecutiveFailures} + 1` : e.consecutiveFailures,
        failingSince: sql`coalesce(${e.failingSince}, ${now})`,
      })
      .where(eq(e.id, endpointId))
      .returning()
  )[0];
  if (!endpoint || !finalFailure || !endpoint.enabled) return;
  const reason = disableReason(endpoint, now, options);
  if (!reason) return;
  await tx
    .update(e)
    .set({ enabled: false, disabledReason: reason, disabledAt: now, version: sql`${e.version} + 1`, updatedAt: now })
    .where(eq(e.id, endpointId));
  await recordAudit(tx, null, { action: "webhook.disable", entityType: "webhook", entityId: endpointId, label: "Hindsight", after: { reason } }, now);
}

/**
 * Records how an attempt ended: the attempts log, the delivery's next state (delivered, retry at
 * a time, failed) and the endpoint's health, which may switch it off. A result for a claim that is
 * no longer ours (the lease ran out and the delivery was claimed again) is only logged.
 */
export async function recordAttempt(
  db: Db,
  claim: Pick<ClaimedDelivery, "id" | "claimedUntil" | "endpointId">,
  result: AttemptResult & { durationMs: number },
  options: { now: number; scale: number; disableAfter: number },
) {
  const { now } = options;
  const d = webhookDeliveries;
  await transaction(async (tx) => {
    const row = (await tx.select().from(d).where(eq(d.id, claim.id)))[0];
    if (!row) return;
    const ours = row.status === "delivering" && row.claimedUntil === claim.claimedUntil;
    const attempt = ours ? row.attempts + 1 : row.attempts;
    await tx.insert(webhookAttempts).values({
      deliveryId: row.id,
      attempt,
      at: row.lastAttemptAt ?? now,
      statusCode: result.statusCode,
      durationMs: result.durationMs,
      error: result.error,
    });
    if (!ours) return;
    const step = nextStep(attempt - row.scheduleStart, result, now, options.scale);
    await tx
      .update(d)
      .set({
        status: step.status,
        attempts: attempt,
        claimedUntil: null,
        nextAttemptAt: step.status === "pending" ? step.nextAttemptAt : null,
        deliveredAt: step.status === "delivered" ? now : row.deliveredAt,
        lastStatusCode: result.statusCode,
        lastDurationMs: result.durationMs,
        lastError: result.error,
      })
      .where(eq(d.id, row.id));
    await updateEndpointHealth(tx, claim.endpointId, step.status === "delivered", step.status === "failed", now, options);
  });
}
