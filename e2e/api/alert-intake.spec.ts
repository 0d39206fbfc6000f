import { createHmac } from "node:crypto";
import { expect, test } from "@playwright/test";
import { bearer } from "../support/fixtures";
import { expectError, getIncident, marker, timeline } from "../support/api/helpers";
import { createIntegration, deliveries, postAlerts, type IntakeResult } from "../support/api/integrations";
import { alertmanagerAlert, alertmanagerPayload, eventsV2Trigger, grafanaPayload } from "../../lib/alerts/fixtures/payloads";

// Alert intake over HTTP: POST /api/v1/integrations/{id}/{alertmanager|grafana|events-v2} with real-shaped payloads.

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();

test.describe("alert intake", () => {
  test("Alertmanager v4: firing declares, a repeat is deduplicated, a group attaches, resolved reaches the timeline", async ({ request }) => {
    const { integration, secret } = await createIntegration(request, { name: marker("am"), kind: "alertmanager" });
    const path = integration.endpointPath;
    const group = `{}:{alertname="${marker("HighErrorRate")}"}`;
    const fp = marker("fp");
    const startsAt = minutesAgo(10);
    const firing = alertmanagerAlert({ fingerprint: fp, alertname: "HighErrorRate", severity: "critical", startsAt, summary: marker("5xx above 5%") });
    const first = await postAlerts(request, path, secret, alertmanagerPayload([firing], group));
    expect(first.status(), await first.text()).toBe(200);
    const result = (await first.json()) as IntakeResult;
    expect(result).toMatchObject({ attached: [], deduplicated: 0, resolved: 0 });
    expect(result.declared).toHaveLength(1);
    const reference = result.declared[0]!;
    const incident = await getIncident(request, reference);
    expect(incident).toMatchObject({ severity: "SEV2", status: "investigating", title: firing.annotations.summary });
    expect(incident.startedAt).toBe(new Date(Date.parse(startsAt)).toISOString());
    expect((incident as unknown as { timestampSources: Record<string, string> }).timestampSources).toMatchObject({ startedAt: "alert", detectedAt: "alert" });

    // repeat_interval and retries: the same alert again changes nothing.
    const entries = (await timeline(request, reference)).length;
    for (let i = 0; i < 2; i++) {
      const repeat = await postAlerts(request, path, secret, alertmanagerPayload([firing], group));
      expect(await repeat.json()).toMatchObject({ declared: [], attached: [], deduplicated: 1 });
    }
    expect(await timeline(request, reference)).toHaveLength(entries);

    // Another alert of the group attaches to the open incident.
    const second = alertmanagerAlert({ fingerprint: marker("fp2"), alertname: "HighLatency", severity: "warning", startsAt: minutesAgo(5) });
    const grouped = await postAlerts(request, path, secret, alertmanagerPayload([firing, second], group));
    expect(await grouped.json()).toMatchObject({ declared: [], attached: [reference], deduplicated: 1 });

    // Resolved.
    const resolved = { ...firing, status: "resolved" as const, endsAt: minutesAgo(1) };
    const res = await postAlerts(request, path, secret, alertmanagerPayload([resolved, second], group));
    expect(await res.json()).toMatchObject({ resolved: 1, deduplicated: 1 });
    const bodies = (await timeline(request, reference)).map((e) => e.body);
    expect(bodies).toContain(`Alert resolved: ${firing.annotations.summary}`);
    expect(bodies.filter((b) => b.startsWith("Alert firing:"))).toHaveLength(2);
    expect((await deliveries(request, integration.id)).map((d) => d.outcome)).toEqual(["resolved", "attached", "deduplicated", "deduplicated", "declared"]);

    // The incident's alerts, as a viewer reads them: the firing one first.
    const listed = await request.get(`/api/v1/incidents/${reference}/alerts`, { headers: bearer("viewer") });
    expect(listed.status()).toBe(200);
    const alertsNow = (await listed.json()) as { total: number; firing: number; allResolved: boolean; alerts: { status: string; dedupKey: string }[] };
    expect(alertsNow).toMatchObject({ total: 2, firing: 1, allResolved: false });
    expect(alertsNow.alerts.map((a) => a.status)).toEqual(["firing", "resolved"]);
    expect(alertsNow.alerts[1]!.dedupKey).toBe(firing.fingerprint);
  });

  test("Grafana: links kept, HMAC verified (body, and timestamp:body)", async ({ request }) => {
    const hmacSecret = marker("grafana-hmac");
    const { integration, secret } = await createIntegration(request, { name: marker("grafana"), kind: "grafana", hmacSecret });
    const body = JSON.stringify(
      grafanaPayload(
        [alertmanagerAlert({ fingerprint: marker("g"), alertname: "CPU high", severity: "info", startsAt: minutesAgo(3) })],
        marker("grafana-group"),
      ),
    );
    const sign = (text: string) => createHmac("sha256", hmacSecret).update(text).digest("hex");
    await expectError(await postAlerts(request, integration.endpointPath, secret, body), 401);
    await expectError(await postAlerts(request, integration.endpointPath, secret, body, { "X-Grafana-Alerting-Signature": sign(body + " ") }), 401);
    const ok = await postAlerts(request, integration.endpointPath, secret, body, { "X-Grafana-Alerting-Signature": sign(body) });
    expect(ok.status(), await ok.text()).toBe(200);
    const reference = ((await ok.json()) as IntakeResult).declared[0]!;
    expect((await getIncident(request, reference)).severity).toBe("SEV4");
    const ts = String(Math.floor(Date.now() / 1000));
    const again = await postAlerts(request, integration.endpointPath, secret, body, {
      "X-Grafana-Alerting-Signature": sign(`${ts}:${body}`),
      "X-Grafana-Alerting-Signature-Timestamp": ts,
    });
    expect(await again.json()).toMatchObject({ deduplicated: 1 });
  });

  test("Events API v2: trigger, acknowledge, resolve; routing_key as the secret", async ({ request }) => {
    const { integration, secret } = await createIntegration(request, { name: marker("pd"), kind: "events-v2" });
    const key = marker("disk");
    const trigger = await postAlerts(request, integration.endpointPath, null, eventsV2Trigger(key, { routing_key: secret }));
    expect(trigger.status(), await trigger.text()).toBe(200);
    const triggered = (await trigger.json()) as IntakeResult & { dedup_key: string; status: string };
    expect(triggered).toMatchObject({ status: "success", dedup_key: key });
    const reference = triggered.declared[0]!;
    expect(await (await postAlerts(request, integration.endpointPath, secret, { event_action: "acknowledge", dedup_key: key })).json()).toMatchObject({
      acknowledged: 1,
    });
    expect(await (await postAlerts(request, integration.endpointPath, secret, { event_action: "resolve", dedup_key: key })).json()).toMatchObject({
      resolved: 1,
    });
    const incident = (await getIncident(request, reference)) as unknown as { timestampSources: Record<string, string>; acknowledgedAt: string };
    expect(incident.timestampSources.acknowledgedAt).toBe("alert");
  });

  test("refusals: wrong secret 401, malformed 400 naming the field, other kind 404, disabled 403; each logged", async ({ request }) => {
    const { integration, secret } = await createIntegration(request, { name: marker("refusals"), kind: "alertmanager" });
    const path = integration.endpointPath;
    const good = alertmanagerPayload([alertmanagerAlert({ fingerprint: marker("r"), alertname: "X" })], marker("g"));
    await expectError(await postAlerts(request, path, `${secret}x`, good), 401);
    await expectError(await postAlerts(request, path, null, good), 401);
    // An API token is not this integration's secret.
    await expectError(await postAlerts(request, path, bearer("admin").Authorization.replace("Bearer ", ""), good), 401);
    const malformed = alertmanagerPayload(
      [0, 1, 2].map((i) => alertmanagerAlert({ fingerprint: marker(`m${i}`), alertname: "X" })),
      marker("g"),
    );
    (malformed.alerts[2] as Record<string, unknown>).labels = "not-an-object";
    await expectError(await postAlerts(request, path, secret, malformed), 400, "alerts[2].labels");
    await expectError(await postAlerts(request, path, secret, "{"), 400, "body");
    await expectError(await postAlerts(request, path.replace(/alertmanager$/, "grafana"), secret, good), 404);
    await expectError(await postAlerts(request, "/api/v1/integrations/99999999/alertmanager", secret, good), 404);
    const patch = await request.patch(`/api/v1/integrations/${integration.id}`, {
      headers: bearer("admin"),
      data: { version: integration.version, enabled: false },
    });
    expect(patch.status()).toBe(200);
    const disabled = await expectError(await postAlerts(request, path, secret, good), 403);
    expect(disabled.error.message).toContain("disabled");
    const log = await deliveries(request, integration.id);
    expect(log.map((d) => d.httpStatus)).toEqual([403, 404, 400, 400, 401, 401, 401]);
    expect(log.every((d) => d.outcome === "rejected")).toBe(true);
    const detail = await request.get(`/api/v1/integrations/${integration.id}/deliveries/${log[3]!.id}`, { headers: bearer("admin") });
    expect(((await detail.json()) as { payload: string }).payload).toBe(JSON.stringify(malformed));
  });

  test("admin API: create shows the secret once, rotate, stale version 409, non-admins refused", async ({ request }) => {
    const { integration, secret } = await createIntegration(request, { name: marker("admin"), kind: "alertmanager" });
    const got = await request.get(`/api/v1/integrations/${integration.id}`, { headers: bearer("admin") });
    expect(await got.text()).not.toContain(secret);
    await expectError(await request.get("/api/v1/integrations", { headers: bearer("responder") }), 403);
    await expectError(
      await request.post("/api/v1/integrations", {
        headers: bearer("admin"),
        data: {
          name: "bad",
          kind: "alertmanager",
          rules: [{ matchers: [{ label: "a", op: "=~", value: "(" }], service: null, severity: { fixed: "SEV3" }, action: "declare", resolveIncident: false }],
        },
      }),
      400,
      "rules.0.matchers.0.value",
    );
    const rotated = await request.post(`/api/v1/integrations/${integration.id}/secret`, { headers: bearer("admin"), data: { version: integration.version } });
    expect(rotated.status()).toBe(200);
    const fresh = (await rotated.json()) as { secret: string; integration: { version: number } };
    const body = alertmanagerPayload([alertmanagerAlert({ fingerprint: marker("rot"), alertname: "X" })], marker("g"));
    await expectError(await postAlerts(request, integration.endpointPath, secret, body), 401);
    expect((await postAlerts(request, integration.endpointPath, fresh.secret, body)).status()).toBe(200);
    const stale = await request.patch(`/api/v1/integrations/${integration.id}`, {
      headers: bearer("admin"),
      data: { version: integration.version, name: "x" },
    });
    expect(stale.status()).toBe(409);
    expect(((await stale.json()) as { current: { version: number } }).current.version).toBe(fresh.integration.version);
    expect((await request.delete(`/api/v1/integrations/${integration.id}`, { headers: bearer("admin") })).status()).toBe(204);
    await expectError(await postAlerts(request, integration.endpointPath, fresh.secret, body), 404);
  });
});
