import { describe, expect, it } from "vitest";
import { asc, eq } from "drizzle-orm";
import { auditsOf, setUpTestDb } from "../../testing/test-db";
import { webhookAttempts, webhookDeliveries, webhookEndpoints } from "../../schema";
import { createWebhookEndpoint, updateWebhookEndpoint } from "../../commands/webhooks/endpoints";
import { redeliverWebhook, sendTestWebhook } from "../../commands/webhooks/deliveries";
import { getWebhookEndpoint } from "../../queries/webhooks/endpoints";
import { getWebhookDelivery } from "../../queries/webhooks/deliveries";
import { MAX_ATTEMPTS, RETRY_DELAYS_MS } from "@/lib/webhooks/retry-policy";
import { claimDueDeliveries, recordAttempt } from "./deliveries";
import { DELIVERY_LOG_DAYS, pruneDeliveryLog } from "./prune";
import { plansOf } from "../../testing/query-plans";

const ctx = setUpTestDb();
const opts = { scale: 1, disableAfter: 3 };
const hook = async () =>
  (
    await createWebhookEndpoint({
      actor: ctx.admin.actor,
      input: { name: "Receiver", url: "https://hooks.example.com/x", events: ["incident.declared"], format: "standard" },
    })
  ).endpoint;
const delivery = async (id: number) => (await ctx.t.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, id)))[0]!;
const endpointRow = async (id: number) => (await ctx.t.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, id)))[0]!;
const claimOnly = async (endpointId: number, now: number, leaseMs = 15_000) =>
  (await claimDueDeliveries(ctx.t.db, { now, limit: 100, leaseMs })).filter((c) => c.endpointId === endpointId);
const ok = { statusCode: 200, error: null, retryAfterMs: null, durationMs: 12 };
const http = (statusCode: number, retryAfterMs: number | null = null) => ({ statusCode, error: `HTTP ${statusCode}`, retryAfterMs, durationMs: 30 });

describe("webhook delivery attempts", () => {
  it("claims a due delivery once, and records success", async () => {
    const endpoint = await hook();
    const test = await sendTestWebhook({ actor: ctx.admin.actor, endpointId: endpoint.id });
    const now = Date.now() + 10;
    const [claim] = await claimOnly(endpoint.id, now);
    expect(claim).toMatchObject({ id: test.id, webhookId: test.webhookId, endpoint: { url: "https://hooks.example.com/x", format: "standard" } });
    expect(await claimOnly(endpoint.id, now + 1)).toEqual([]);
    await recordAttempt(ctx.t.db, claim!, ok, { now: now + 20, ...opts });
    expect(await delivery(test.id)).toMatchObject({
      status: "delivered",
      attempts: 1,
      deliveredAt: now + 20,
      lastStatusCode: 200,
      lastDurationMs: 12,
      claimedUntil: null,
    });
    const detail = await getWebhookDelivery({ actor: ctx.admin.actor, endpointId: endpoint.id, deliveryId: test.id });
    expect(detail.attemptsLog).toEqual([{ attempt: 1, at: now, statusCode: 200, durationMs: 12, error: null }]);
    expect((await getWebhookEndpoint({ actor: ctx.admin.actor, id: endpoint.id })).stats).toMatchObject({ pending: 0, delivered24h: 1, lastStatusCode: 200 });
  });

  it("retries 5xx with backoff and honours a longer Retry-After; a 400 fails at once", async () => {
    const endpoint = await hook();
    const test = await sendTestWebhook({ actor: ctx.admin.actor, endpointId: endpoint.id });
    let now = Date.now() + 10;
    await recordAttempt(ctx.t.db, (await claimOnly(endpoint.id, now))[0]!, http(503), { now, ...opts });
    expect(await delivery(test.id)).toMatchObject({ status: "pending", attempts: 1, nextAttemptAt: now + RETRY_DELAYS_MS[0] });
    expect(await claimOnly(endpoint.id, now + RETRY_DELAYS_MS[0] - 1)).toEqual([]);
    now += RETRY_DELAYS_MS[0];
    await recordAttempt(ctx.t.db, (await claimOnly(endpoint.id, now))[0]!, http(429, 3_600_000), { now, ...opts });
    expect(await delivery(test.id)).toMatchObject({ status: "pending", attempts: 2, nextAttemptAt: now + 3_600_000 });
    now += 3_600_000;
    await recordAttempt(ctx.t.db, (await claimOnly(endpoint.id, now))[0]!, http(400), { now, ...opts });
    expect(await delivery(test.id)).toMatchObject({ status: "failed", attempts: 3, nextAttemptAt: null, lastStatusCode: 400 });
    expect(await endpointRow(endpoint.id)).toMatchObject({ consecutiveFailures: 1, enabled: true });
  });

  it(`gives up after ${MAX_ATTEMPTS} attempts`, async () => {
    const endpoint = await hook();
    const test = await sendTestWebhook({ actor: ctx.admin.actor, endpointId: endpoint.id });
    let now = Date.now() + 10;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      await recordAttempt(
        ctx.t.db,
        (await claimOnly(endpoint.id, now))[0]!,
        { statusCode: null, error: "ECONNREFUSED", retryAfterMs: null, durationMs: 1 },
        { now, ...opts, disableAfter: 100 },
      );
      now = (await delivery(test.id)).nextAttemptAt ?? now;
    }
    expect(await delivery(test.id)).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS });
    // Failing for more than 24 h without a success: the endpoint is switched off.
    expect(await endpointRow(endpoint.id)).toMatchObject({ enabled: false, disabledReason: expect.stringMatching(/every attempt has failed since/) });
    // Redelivered: a fresh schedule, so a 503 is retried again.
    await redeliverWebhook({ actor: ctx.admin.actor, endpointId: endpoint.id, deliveryId: test.id });
    now = Date.now() + 10;
    await recordAttempt(ctx.t.db, (await claimOnly(endpoint.id, now))[0]!, http(503), { now, ...opts });
    expect(await delivery(test.id)).toMatchObject({ status: "pending", attempts: MAX_ATTEMPTS + 1, nextAttemptAt: now + RETRY_DELAYS_MS[0] });
  });

  it("sends a claim whose lease ran out again, logging the interrupted attempt; a late result of the old claim is only logged", async () => {
    const endpoint = await hook();
    const test = await sendTestWebhook({ actor: ctx.admin.actor, endpointId: endpoint.id });
    const now = Date.now() + 10;
    const first = (await claimOnly(endpoint.id, now, 1000))[0]!;
    expect(await claimOnly(endpoint.id, now + 999)).toEqual([]);
    const second = (await claimOnly(endpoint.id, now + 1001))[0]!;
    expect(second.webhookId).toBe(first.webhookId);
    expect(second.body).toBe(first.body);
    await recordAttempt(ctx.t.db, first, ok, { now: now + 1002, ...opts });
    expect((await delivery(test.id)).status).toBe("delivering");
    await recordAttempt(ctx.t.db, second, ok, { now: now + 1003, ...opts });
    expect(await delivery(test.id)).toMatchObject({ status: "delivered", attempts: 2 });
    const log = await ctx.t.db.select().from(webhookAttempts).where(eq(webhookAttempts.deliveryId, test.id)).orderBy(asc(webhookAttempts.id));
    expect(log.map((a) => a.error)).toEqual([expect.stringMatching(/server stopped/), null, null]);
  });

  it("disables an endpoint after repeated failed deliveries, audited; its queued deliveries wait, admin ones go", async () => {
    const endpoint = await hook();
    const now = Date.now() + 60_000;
    for (let i = 0; i < 3; i++) {
      await sendTestWebhook({ actor: ctx.admin.actor, endpointId: endpoint.id });
      await recordAttempt(ctx.t.db, (await claimOnly(endpoint.id, now))[0]!, http(410), { now, ...opts });
    }
    const row = await endpointRow(endpoint.id);
    expect(row).toMatchObject({
      enabled: false,
      consecutiveFailures: 3,
      disabledReason: "Disabled automatically after 3 failed deliveries in a row",
      disabledAt: now,
    });
    expect(await auditsOf(ctx.t.db, "webhook.disable", endpoint.id)).toHaveLength(1);
    // An automatic delivery waits while disabled; a redelivery asked for by an admin goes.
    const waiting = (
      await ctx.t.db
        .insert(webhookDeliveries)
        .values({
          endpointId: endpoint.id,
          webhookId: "msg_waiting",
          eventType: "incident.declared",
          body: "{}",
          status: "pending",
          nextAttemptAt: now,
          createdAt: now,
        })
        .returning()
    )[0]!;
    expect((await claimOnly(endpoint.id, now + 1)).map((c) => c.id)).toEqual([]);
    const failed = (await ctx.t.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpoint.id)))[0]!;
    await redeliverWebhook({ actor: ctx.admin.actor, endpointId: endpoint.id, deliveryId: failed.id });
    const redelivered = await claimOnly(endpoint.id, Date.now() + 1);
    expect(redelivered.map((c) => c.id)).toEqual([failed.id]);
    await recordAttempt(ctx.t.db, redelivered[0]!, ok, { now: Date.now() + 2, ...opts });
    expect(await delivery(failed.id)).toMatchObject({ status: "delivered", attempts: 2 });
    // A success (even while disabled) does not switch it back on: an admin does.
    expect(await endpointRow(endpoint.id)).toMatchObject({ enabled: false, consecutiveFailures: 0 });
    // Re-enabled: the waiting one goes too, and the failure streak starts over.
    await updateWebhookEndpoint({ actor: ctx.admin.actor, id: endpoint.id, input: { version: row.version, enabled: true } });
    expect(await endpointRow(endpoint.id)).toMatchObject({ consecutiveFailures: 0, failingSince: null, disabledReason: null });
    expect((await claimOnly(endpoint.id, now + 1)).map((c) => c.id)).toEqual([waiting.id]);
  });
});

describe("the worker's reads", () => {
  it("claim reads only unfinished deliveries through their partial index, never the whole log", async () => {
    const plans = await plansOf(() => claimDueDeliveries(ctx.t.db, { now: Date.now(), limit: 4, leaseMs: 1000 }));
    const claim = plans.find((p) => p.sql.includes('from "webhook_deliveries"'))!;
    expect(claim.plan.join("; ")).toContain("USING INDEX webhook_deliveries_due_idx");
    expect(claim.plan.some((step) => /^SCAN/.test(step))).toBe(false);
  });
});

describe("the delivery log", () => {
  it(`keeps finished deliveries for ${DELIVERY_LOG_DAYS} days, pending ones always`, async () => {
    const endpoint = await hook();
    const now = Date.now();
    const old = now - (DELIVERY_LOG_DAYS + 1) * 86_400_000;
    const row = async (webhookId: string, status: "delivered" | "failed" | "pending", createdAt: number) =>
      (
        await ctx.t.db
          .insert(webhookDeliveries)
          .values({ endpointId: endpoint.id, webhookId, eventType: "incident.declared", body: "{}", status, createdAt })
          .returning()
      )[0]!;
    const kept = [await row("msg_new", "delivered", now), await row("msg_old_pending", "pending", old)];
    await row("msg_old_delivered", "delivered", old);
    await row("msg_old_failed", "failed", old);
    expect(await pruneDeliveryLog(ctx.t.db, now)).toBe(2);
    const left = await ctx.t.db.select({ id: webhookDeliveries.id }).from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpoint.id));
    expect(left.map((r) => r.id)).toEqual(kept.map((r) => r.id));
  });
});
