// Outgoing webhooks end to end: a production server of its own (quick retry timings) posting to a
// local receiver. Signatures verified with the standardwebhooks library, Slack and Teams shapes,
// retries, Retry-After, auto-disable, redeliver, test event, and no loss across kill -9.
import { expect, test } from "@playwright/test";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Webhook } from "standardwebhooks";
import { prepareDatabase, SpawnedServer, spawnedPort } from "../support/spawned-server";
import { WebhookReceiver } from "../support/webhook-receiver";

test.describe.configure({ mode: "serial" });

const receiver = new WebhookReceiver();
let server: SpawnedServer;
let token = "";

type Endpoint = { id: number; version: number; secret: string; enabled: boolean; disabledReason: string | null };
type Delivery = { id: number; webhookId: string; status: string; attempts: number; eventType: string; lastStatusCode: number | null };

async function api<T>(method: string, url: string, body?: unknown): Promise<{ status: number; json: T }> {
  const res = await fetch(`${server.url}${url}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, json: (text ? JSON.parse(text) : null) as T };
}

async function endpoint(pathName: string, format: string, events = ["incident.declared"]) {
  const { status, json } = await api<Endpoint>("POST", "/api/v1/webhooks", { name: `Receiver ${pathName}`, url: `${receiver.url}${pathName}`, events, format });
  expect(status).toBe(201);
  return json;
}

async function declare(title: string) {
  const { status, json } = await api<{ reference: string; version: number }>("POST", "/api/v1/incidents", { title, severity: "SEV2" });
  expect(status).toBe(201);
  return json;
}

const deliveries = async (endpointId: number) => (await api<{ items: Delivery[] }>("GET", `/api/v1/webhooks/${endpointId}/deliveries`)).json.items;
const remove = async (id: number) => expect((await api("DELETE", `/api/v1/webhooks/${id}`)).status).toBe(204);

async function settled(endpointId: number, count = 1): Promise<Delivery[]> {
  let items: Delivery[] = [];
  await expect
    .poll(async () => {
      items = await deliveries(endpointId);
      return items.length >= count && items.every((d) => d.status === "delivered" || d.status === "failed");
    })
    .toBe(true);
  return items;
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  await receiver.start();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hindsight-webhooks-"));
  const port = await spawnedPort("WEBHOOKS_PORT");
  server = new SpawnedServer(dir, port, {
    NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    // 1 min → 120 ms, 5 min → 600 ms…: retries within a test.
    HINDSIGHT_WEBHOOK_BACKOFF_SCALE: "0.002",
    HINDSIGHT_WEBHOOK_TICK_MS: "100",
    HINDSIGHT_WEBHOOK_TIMEOUT_MS: "3000",
    HINDSIGHT_WEBHOOK_DISABLE_AFTER: "3",
  });
  token = prepareDatabase(dir).tokens.admin;
  await server.start();
});

test.afterAll(async () => {
  await server?.stop();
  await receiver.stop();
});

test("standard: a signed {type, timestamp, data} that verifies with the standardwebhooks library", async () => {
  const hook = await endpoint("/standard", "standard", ["incident.declared", "incident.status_changed", "incident.resolved"]);
  expect(hook.secret).toMatch(/^whsec_/);
  const incident = await declare("Webhook standard");
  const [first] = await receiver.waitFor("/standard");
  const payload = new Webhook(hook.secret).verify(first!.body, first!.headers) as {
    type: string;
    timestamp: string;
    data: { incident: Record<string, unknown> };
  };
  expect(payload.type).toBe("incident.declared");
  expect(payload.data.incident).toMatchObject({
    reference: incident.reference,
    title: "Webhook standard",
    severity: "SEV2",
    url: `${server.url}/incidents/${incident.reference}`,
  });
  expect(first!.headers["webhook-id"]).toMatch(/^msg_ev\d+-incident-declared_\d+$/);
  expect(first!.headers["content-type"]).toBe("application/json");
  // Resolving: status_changed (with the previous status) and resolved.
  expect((await api("PATCH", `/api/v1/incidents/${incident.reference}`, { version: incident.version, status: "resolved" })).status).toBe(200);
  const all = await receiver.waitFor("/standard", 3);
  const types = all.map((r) => (JSON.parse(r.body) as { type: string }).type);
  expect(types).toEqual(["incident.declared", "incident.status_changed", "incident.resolved"]);
  expect(JSON.parse(all[1]!.body)).toMatchObject({ data: { previousStatus: "investigating", incident: { status: "resolved" } } });
  for (const r of all) expect(() => new Webhook(hook.secret).verify(r.body, r.headers)).not.toThrow();
  await remove(hook.id);
});

test("slack and teams: an incoming-webhook message with blocks, and an Adaptive Card", async () => {
  const slack = await endpoint("/slack", "slack");
  const teams = await endpoint("/teams", "teams");
  const incident = await declare("Webhook chat");
  const [s] = await receiver.waitFor("/slack");
  const [t] = await receiver.waitFor("/teams");
  const slackBody = JSON.parse(s!.body) as { text: string; blocks: { type: string; fields?: { text: string }[]; elements?: { url: string }[] }[] };
  expect(slackBody.text).toContain(`${incident.reference} Webhook chat`);
  expect(slackBody.blocks.map((b) => b.type)).toEqual(["header", "section", "section", "actions"]);
  expect(slackBody.blocks[1]!.fields!.map((f) => f.text)).toEqual(["*Severity*\nSEV2", "*Status*\nInvestigating", "*Commander*\nUnassigned"]);
  expect(slackBody.blocks[3]!.elements![0]!.url).toBe(`${server.url}/incidents/${incident.reference}`);
  const teamsBody = JSON.parse(t!.body) as { type: string; attachments: { contentType: string; content: { type: string; body: { type: string }[] } }[] };
  expect(teamsBody.type).toBe("message");
  expect(teamsBody.attachments[0]!.contentType).toBe("application/vnd.microsoft.card.adaptive");
  expect(teamsBody.attachments[0]!.content.type).toBe("AdaptiveCard");
  expect(teamsBody.attachments[0]!.content.body.map((b) => b.type)).toEqual(["TextBlock", "FactSet", "TextBlock"]);
  await remove(slack.id);
  await remove(teams.id);
});

test("a 503 is retried (same webhook-id and body) until it succeeds; a 400 is not retried", async () => {
  receiver.plan("/flaky", 503, 503, 200);
  receiver.plan("/reject", 400);
  const flaky = await endpoint("/flaky", "standard");
  const reject = await endpoint("/reject", "standard");
  await declare("Webhook retries");
  const tries = await receiver.waitFor("/flaky", 3);
  expect(new Set(tries.map((r) => r.headers["webhook-id"])).size).toBe(1);
  expect(new Set(tries.map((r) => r.body)).size).toBe(1);
  const [delivered] = await settled(flaky.id);
  expect(delivered).toMatchObject({ status: "delivered", attempts: 3, lastStatusCode: 200 });
  const detail = (await api<{ attemptsLog: { statusCode: number }[] }>("GET", `/api/v1/webhooks/${flaky.id}/deliveries/${delivered!.id}`)).json;
  expect(detail.attemptsLog.map((a) => a.statusCode)).toEqual([503, 503, 200]);
  const [failed] = await settled(reject.id);
  expect(failed).toMatchObject({ status: "failed", attempts: 1, lastStatusCode: 400 });
  // Well past the first retry delays (120 ms, 600 ms): still one request.
  await new Promise((resolve) => setTimeout(resolve, 1500));
  expect(receiver.at("/reject")).toHaveLength(1);

  // Redeliver: queued again with the same webhook-id; this time the receiver accepts it.
  receiver.plan("/reject", 200);
  const again = await api<Delivery>("POST", `/api/v1/webhooks/${reject.id}/deliveries/${failed!.id}/redeliver`);
  expect(again.status).toBe(202);
  const both = await receiver.waitFor("/reject", 2);
  expect(both[1]!.headers["webhook-id"]).toBe(both[0]!.headers["webhook-id"]);
  await expect.poll(async () => (await deliveries(reject.id))[0]!.status).toBe("delivered");
  await remove(flaky.id);
  await remove(reject.id);
});

test("Retry-After is honoured", async () => {
  receiver.plan("/later", { status: 429, headers: { "Retry-After": "2" } }, 200);
  const hook = await endpoint("/later", "standard");
  await declare("Webhook retry-after");
  const [first, second] = await receiver.waitFor("/later", 2);
  // The schedule alone would retry after 120 ms.
  expect(second!.at - first!.at).toBeGreaterThanOrEqual(2000);
  expect(second!.at - first!.at).toBeLessThan(6000);
  await remove(hook.id);
});

test("an endpoint that keeps failing is disabled with a visible reason, and a test event still reaches it", async () => {
  receiver.plan("/dead", 410);
  const hook = await endpoint("/dead", "slack");
  for (let i = 0; i < 3; i++) await declare(`Webhook dead ${i}`);
  await expect.poll(async () => (await api<Endpoint>("GET", `/api/v1/webhooks/${hook.id}`)).json.enabled).toBe(false);
  const disabled = (await api<Endpoint>("GET", `/api/v1/webhooks/${hook.id}`)).json;
  expect(disabled.disabledReason).toBe("Disabled automatically after 3 failed deliveries in a row");
  const before = receiver.at("/dead").length;
  await declare("Webhook while disabled");
  await new Promise((resolve) => setTimeout(resolve, 1000));
  expect(receiver.at("/dead")).toHaveLength(before);
  // Send test event: goes even while disabled, so an admin can check the receiver before re-enabling.
  receiver.plan("/dead", 200);
  const test = await api<Delivery>("POST", `/api/v1/webhooks/${hook.id}/test`);
  expect(test.status).toBe(202);
  expect(test.json.eventType).toBe("webhook.test");
  const all = await receiver.waitFor("/dead", before + 1);
  expect(all.at(-1)!.headers["webhook-id"]).toBe(test.json.webhookId);
  expect((JSON.parse(all.at(-1)!.body) as { text: string }).text).toBe("Test notification from Hindsight");
  // Re-enabled: the notice goes.
  const enabled = await api<Endpoint>("PATCH", `/api/v1/webhooks/${hook.id}`, { version: disabled.version, enabled: true });
  expect(enabled.json).toMatchObject({ enabled: true, disabledReason: null });
  await remove(hook.id);
});

test("kill -9 with a delivery in flight and another just committed: both arrive after restart, once each", async () => {
  test.setTimeout(180_000);
  receiver.plan("/crash", "hang");
  const hook = await endpoint("/crash", "standard");
  const inFlight = await declare("Webhook in flight at kill");
  await receiver.waitFor("/crash", 1);
  // Committed (201) while the only receiver is stuck; the kill follows at once.
  const committed = await declare("Webhook committed before kill");
  await server.kill9();
  receiver.plan("/crash", 200);
  await server.start();
  const ids = () => new Set(receiver.at("/crash").map((r) => r.headers["webhook-id"]));
  await expect.poll(() => receiver.at("/crash").filter((r) => r.answered === 200).length, { timeout: 60_000 }).toBe(2);
  expect(ids().size).toBe(2);
  const titles = receiver
    .at("/crash")
    .filter((r) => r.answered === 200)
    .map((r) => (JSON.parse(r.body) as { data: { incident: { reference: string } } }).data.incident.reference)
    .sort();
  expect(titles).toEqual([inFlight.reference, committed.reference].sort());
  // Delivered once per webhook-id: nothing more comes.
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const accepted = receiver.at("/crash").filter((r) => r.answered === 200);
  expect(new Set(accepted.map((r) => r.headers["webhook-id"])).size).toBe(accepted.length);
  const items = await deliveries(hook.id);
  expect(items.map((d) => d.status)).toEqual(["delivered", "delivered"]);
  // The attempt cut off by the kill is in the log.
  const stuck = items.find((d) => receiver.at("/crash")[0]!.headers["webhook-id"] === d.webhookId)!;
  const detail = (await api<{ attemptsLog: { error: string | null }[] }>("GET", `/api/v1/webhooks/${hook.id}/deliveries/${stuck.id}`)).json;
  expect(detail.attemptsLog[0]!.error).toMatch(/server stopped/);
});
