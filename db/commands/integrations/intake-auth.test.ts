import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { alertmanagerAlert, alertmanagerPayload, eventsV2Trigger, grafanaPayload } from "@/lib/alerts/fixtures/payloads";
import { setUpTestDb } from "../../testing/test-db";
import { alertsOfIntegration, deliveriesOf, incidentOf, post, refId, timelineOf } from "../../testing/alert-intake";
import { listIntegrationDeliveries, getIntegrationDeliveryPayload } from "../../queries/integrations/integrations";
import { createIntegration } from "./manage";

const ctx = setUpTestDb();
const am = (fp = "f1") => alertmanagerPayload([alertmanagerAlert({ fingerprint: fp, alertname: "A", severity: "warning" })], `g-${fp}`);

async function make(kind: "alertmanager" | "grafana" | "events-v2", hmacSecret?: string) {
  const { integration, secret } = await createIntegration({
    actor: ctx.admin.actor,
    input: { name: `${kind}-${Math.random()}`, kind, ...(hmacSecret ? { hmacSecret } : {}) },
  });
  return { id: integration.id, secret };
}

describe("alert intake: authentication and refusals", () => {
  it("401 on a missing or wrong secret, 404 on another kind's path or an unknown integration; each logged once identified", async () => {
    const { id, secret } = await make("alertmanager");
    expect((await post(id, "alertmanager", null, am())).status).toBe(401);
    expect((await post(id, "alertmanager", secret + "x", am())).status).toBe(401);
    expect((await post(id, "alertmanager", "hsi_short", am())).status).toBe(401);
    expect((await post(id, "alertmanager", secret, am(), { authorization: `Basic ${Buffer.from(`grafana:${secret}`).toString("base64")}` })).status).toBe(200);
    const wrongKind = await post(id, "grafana", secret, am("f2"));
    expect(wrongKind.status).toBe(404);
    expect(JSON.stringify(wrongKind.body)).toContain(`/api/v1/integrations/${id}/alertmanager`);
    expect((await post(999_999, "alertmanager", secret, am())).status).toBe(404);
    expect((await deliveriesOf(ctx.t.db, id)).map((d) => [d.httpStatus, d.outcome])).toEqual([
      [401, "rejected"],
      [401, "rejected"],
      [401, "rejected"],
      [200, "declared"],
      [404, "rejected"],
    ]);
    expect((await deliveriesOf(ctx.t.db, id))[0]!.error).toContain("secret");
  });

  it("400 naming the field for a malformed payload or body, 413 passed through, and nothing stored", async () => {
    const { id, secret } = await make("alertmanager");
    const body = am();
    (body.alerts[0] as Record<string, unknown>).labels = ["x"];
    const bad = await post(id, "alertmanager", secret, body);
    expect(bad.status).toBe(400);
    expect((bad.body.error as { fields: object }).fields).toEqual({ "alerts[0].labels": expect.any(String) });
    expect((await post(id, "alertmanager", secret, "{not json")).status).toBe(400);
    expect((await post(id, "alertmanager", secret, "[]")).status).toBe(400);
    const tooBig = await post(id, "alertmanager", secret, "", { body: { error: new AppError("payload_too_large", "Body is larger than 1 MB") } });
    expect(tooBig.status).toBe(413);
    expect(await alertsOfIntegration(ctx.t.db, id)).toHaveLength(0);
    const log = await listIntegrationDeliveries({ actor: ctx.admin.actor, integrationId: id });
    expect(log.map((d) => d.httpStatus)).toEqual([413, 400, 400, 400]);
    expect(log[3]!.error).toContain("alerts[0].labels");
    expect((await getIntegrationDeliveryPayload({ actor: ctx.admin.actor, integrationId: id, deliveryId: log[3]!.id })).payload).toBe(JSON.stringify(body));
  });

  // 55 declarations of ~30 statements each: past the default 5 s on a loaded machine, PostgreSQL's round trips most of all.
  it("keeps the last 50 deliveries per integration", async () => {
    const { id, secret } = await make("alertmanager");
    for (let i = 0; i < 55; i++) await post(id, "alertmanager", secret, am(`k${i}`));
    const log = await listIntegrationDeliveries({ actor: ctx.admin.actor, integrationId: id });
    expect(log).toHaveLength(50);
    expect(await deliveriesOf(ctx.t.db, id)).toHaveLength(50);
    expect(log[0]!.id).toBeGreaterThan(log[49]!.id);
  }, 30_000);
});

describe("Grafana HMAC", () => {
  const hmac = (key: string, text: string) => createHmac("sha256", key).update(text).digest("hex");

  it("verifies the body's signature, or timestamp:body with a timestamp header", async () => {
    const key = "grafana-hmac-secret";
    const { id, secret } = await make("grafana", key);
    const body = JSON.stringify(grafanaPayload([alertmanagerAlert({ fingerprint: "g1", alertname: "CPU" })]));
    expect((await post(id, "grafana", secret, body)).status).toBe(401);
    expect((await post(id, "grafana", secret, body, { signature: hmac("wrong", body) })).status).toBe(401);
    expect((await post(id, "grafana", secret, body, { signature: "zz" })).status).toBe(401);
    expect((await post(id, "grafana", secret, body, { signature: hmac(key, body) })).status).toBe(200);
    const ts = String(Math.floor(Date.now() / 1000));
    expect((await post(id, "grafana", secret, body, { signature: hmac(key, body), signatureTimestamp: ts })).status).toBe(401);
    expect((await post(id, "grafana", secret, body, { signature: hmac(key, `${ts}:${body}`), signatureTimestamp: ts })).status).toBe(200);
    const old = String(Math.floor(Date.now() / 1000) - 3600);
    const replay = await post(id, "grafana", secret, body, { signature: hmac(key, `${old}:${body}`), signatureTimestamp: old });
    expect(replay.status).toBe(401);
    expect(JSON.stringify(replay.body)).toContain("5 minutes");
    // A tampered body fails even with a good secret.
    expect((await post(id, "grafana", secret, body.replace("CPU", "GPU"), { signature: hmac(key, body) })).status).toBe(401);
  });
});

describe("Events API v2", () => {
  it("trigger declares; acknowledge sets acknowledgedAt (source alert) once; resolve resolves; routing_key works as the secret", async () => {
    const { id, secret } = await make("events-v2");
    const trigger = await post(id, "events-v2", null, eventsV2Trigger("disk-1", { routing_key: secret }));
    expect(trigger.status).toBe(200);
    expect(trigger.body).toMatchObject({ status: "success", dedup_key: "disk-1", declared: [expect.any(String)] });
    const incidentId = refId((trigger.body.declared as string[])[0]);
    expect(await incidentOf(ctx.t.db, incidentId)).toMatchObject({
      severity: "SEV2",
      title: "Disk almost full on db-1",
      startedAt: Date.parse("2026-11-25T14:00:00Z"),
    });
    expect((await post(id, "events-v2", null, eventsV2Trigger("disk-1", { routing_key: "nope" }))).status).toBe(401);
    expect((await post(id, "events-v2", secret, eventsV2Trigger("disk-1"))).body).toMatchObject({ deduplicated: 1 });
    const ack = await post(id, "events-v2", secret, { event_action: "acknowledge", dedup_key: "disk-1" });
    expect(ack.body).toMatchObject({ acknowledged: 1 });
    expect(await incidentOf(ctx.t.db, incidentId)).toMatchObject({ acknowledgedAtSource: "alert" });
    expect((await post(id, "events-v2", secret, { event_action: "acknowledge", dedup_key: "disk-1" })).body).toMatchObject({
      acknowledged: 0,
      deduplicated: 1,
    });
    const resolve = await post(id, "events-v2", secret, { event_action: "resolve", dedup_key: "disk-1" });
    expect(resolve.body).toMatchObject({ resolved: 1 });
    const bodies = (await timelineOf(ctx.t.db, incidentId)).map((e) => e.body);
    expect(bodies).toEqual(
      expect.arrayContaining([
        "Alert firing: Disk almost full on db-1",
        "Alert acknowledged at the source: Disk almost full on db-1",
        "Alert resolved: Disk almost full on db-1",
      ]),
    );
    expect((await deliveriesOf(ctx.t.db, id)).map((d) => d.outcome)).toEqual([
      "declared",
      "rejected",
      "deduplicated",
      "acknowledged",
      "deduplicated",
      "resolved",
    ]);
  });
});
