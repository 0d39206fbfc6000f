import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { auditsOf, setUpTestDb, thrown } from "../../testing/test-db";
import { webhookEndpoints } from "../../schema";
import { getWebhookEndpoint, listWebhookEndpoints } from "../../queries/webhooks/endpoints";
import { getWebhookDelivery, listWebhookDeliveries } from "../../queries/webhooks/deliveries";
import { createWebhookEndpoint, deleteWebhookEndpoint, rotateWebhookSecret, updateWebhookEndpoint } from "./endpoints";
import { redeliverWebhook, sendTestWebhook } from "./deliveries";

const ctx = setUpTestDb();
const input = {
  name: "Ops channel",
  url: "https://hooks.example.com/in",
  events: ["incident.resolved", "incident.declared", "incident.declared"],
  format: "slack",
};

describe("webhook endpoints", () => {
  it("creates with a Standard Webhooks secret shown once, audited without it", async () => {
    const { endpoint, secret } = await createWebhookEndpoint({ actor: ctx.admin.actor, input });
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    // The secret is a valid Standard Webhooks key.
    expect(() => new Webhook(secret)).not.toThrow();
    expect(endpoint).toMatchObject({
      name: "Ops channel",
      events: ["incident.declared", "incident.resolved"],
      enabled: true,
      includePrivate: false,
      secretHint: secret.slice(-4),
      version: 1,
    });
    expect(endpoint.stats).toEqual({ pending: 0, failed24h: 0, delivered24h: 0, lastAttemptAt: null, lastStatusCode: null });
    const audit = await auditsOf(ctx.t.db, "webhook.create", endpoint.id);
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain(secret);
    expect((await listWebhookEndpoints({ actor: ctx.admin.actor })).map((e) => e.id)).toContain(endpoint.id);
  });

  it("is admin-only", async () => {
    expect((await thrown(() => createWebhookEndpoint({ actor: ctx.responder.actor, input }))).status).toBe(403);
    expect((await thrown(() => listWebhookEndpoints({ actor: ctx.viewer.actor }))).status).toBe(403);
  });

  it("validates fields, naming them", async () => {
    const bad = async (over: Record<string, unknown>) =>
      (await thrown(() => createWebhookEndpoint({ actor: ctx.admin.actor, input: { ...input, ...over } }))).fields;
    expect(await bad({ url: "ftp://x.example" })).toHaveProperty("url");
    expect((await bad({ url: "https://user:pw@x.example/" })).url).toMatch(/password/);
    expect((await bad({ url: "http://169.254.169.254/latest" })).url).toMatch(/link-local/);
    expect((await bad({ url: "http://[fd00:ec2::254]/" })).url).toMatch(/metadata/);
    expect(await bad({ events: [] })).toHaveProperty("events");
    expect(await bad({ events: ["incident.exploded"] })).toHaveProperty("events.0");
    expect(await bad({ format: "discord" })).toHaveProperty("format");
    expect(await bad({ name: " " })).toHaveProperty("name");
    expect(await bad({ secret: "mine" })).toHaveProperty("secret");
  });

  it("updates at the version read, 409 when stale; enabling clears the disabled notice", async () => {
    const { endpoint } = await createWebhookEndpoint({ actor: ctx.admin.actor, input });
    await ctx.t.db
      .update(webhookEndpoints)
      .set({ enabled: false, disabledReason: "Failing", disabledAt: 1, consecutiveFailures: 12 })
      .where(eq(webhookEndpoints.id, endpoint.id));
    const updated = await updateWebhookEndpoint({ actor: ctx.admin.actor, id: endpoint.id, input: { version: 1, enabled: true, format: "teams" } });
    expect(updated).toMatchObject({ enabled: true, disabledReason: null, disabledAt: null, format: "teams", version: 2 });
    const stale = await thrown(() => updateWebhookEndpoint({ actor: ctx.admin.actor, id: endpoint.id, input: { version: 1, name: "x" } }));
    expect(stale.status).toBe(409);
    expect(stale.details.current.version).toBe(2);
    expect(await auditsOf(ctx.t.db, "webhook.enable", endpoint.id)).toHaveLength(1);
  });

  it("rotates the secret and deletes", async () => {
    const { endpoint, secret } = await createWebhookEndpoint({ actor: ctx.admin.actor, input });
    const rotated = await rotateWebhookSecret({ actor: ctx.admin.actor, id: endpoint.id, input: { version: 1 } });
    expect(rotated.secret).not.toBe(secret);
    expect(rotated.endpoint.secretHint).toBe(rotated.secret.slice(-4));
    await deleteWebhookEndpoint({ actor: ctx.admin.actor, id: endpoint.id });
    expect((await thrown(() => getWebhookEndpoint({ actor: ctx.admin.actor, id: endpoint.id }))).status).toBe(404);
    expect(await auditsOf(ctx.t.db, "webhook.delete", endpoint.id)).toHaveLength(1);
  });

  it("queues a test event and redelivers it with the same webhook-id", async () => {
    const { endpoint } = await createWebhookEndpoint({ actor: ctx.admin.actor, input: { ...input, format: "standard" } });
    const test = await sendTestWebhook({ actor: ctx.admin.actor, endpointId: endpoint.id });
    expect(test).toMatchObject({ eventType: "webhook.test", status: "pending", attempts: 0 });
    expect(test.webhookId).toMatch(new RegExp(`^msg_test[0-9a-f]{12}_${endpoint.id}$`));
    const detail = await getWebhookDelivery({ actor: ctx.admin.actor, endpointId: endpoint.id, deliveryId: test.id });
    expect(JSON.parse(detail.body)).toMatchObject({ type: "webhook.test", data: { endpoint: { id: endpoint.id } } });
    expect((await getWebhookEndpoint({ actor: ctx.admin.actor, id: endpoint.id })).stats.pending).toBe(1);
    const again = await redeliverWebhook({ actor: ctx.admin.actor, endpointId: endpoint.id, deliveryId: test.id });
    expect(again.webhookId).toBe(test.webhookId);
    expect((await thrown(() => redeliverWebhook({ actor: ctx.admin.actor, endpointId: endpoint.id + 999, deliveryId: test.id }))).status).toBe(404);
    const page = await listWebhookDeliveries({ actor: ctx.admin.actor, endpointId: endpoint.id, limit: 1 });
    expect(page.items).toHaveLength(1);
    expect(page.nextCursor).toBeNull();
  });
});
