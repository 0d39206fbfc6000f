import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { parseAlertmanagerPayload, parseGrafanaPayload } from "./alertmanager-payload";
import { parseEventsV2Payload } from "./events-v2-payload";
import { alertTitle, jsonPath } from "./normalized-alert";
import { alertmanagerAlert, alertmanagerPayload, eventsV2Trigger, grafanaPayload } from "./fixtures/payloads";

function fieldsOf(fn: () => unknown): Record<string, string> {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) {
      expect(error.status).toBe(400);
      return error.fields ?? {};
    }
    throw error;
  }
  throw new Error("did not throw");
}

describe("Alertmanager webhook v4", () => {
  it("normalizes firing and resolved alerts, nanosecond times and Go's zero endsAt", () => {
    const body = alertmanagerPayload([
      alertmanagerAlert({ fingerprint: "a1", alertname: "HighErrorRate", severity: "critical", summary: "5xx above 5%" }),
      alertmanagerAlert({ fingerprint: "a2", alertname: "HighLatency", status: "resolved", endsAt: "2026-11-25T14:10:00Z" }),
    ]);
    const { alerts } = parseAlertmanagerPayload(body);
    expect(alerts[0]).toMatchObject({
      dedupKey: "a1",
      groupKey: '{}:{alertname="HighErrorRate"}',
      event: "firing",
      title: "5xx above 5%",
      startsAt: Date.parse("2026-11-25T14:03:00.123Z"),
      endsAt: null,
      generatorUrl: expect.stringContaining("http://prometheus:9090/graph"),
      dashboardUrl: null,
    });
    expect(alerts[0]!.silenceUrl).toMatch(/^http:\/\/alertmanager:9093\/#\/silences\/new\?filter=/);
    expect(decodeURIComponent(alerts[0]!.silenceUrl!)).toContain('alertname="HighErrorRate"');
    expect(alerts[1]).toMatchObject({ event: "resolved", title: "HighLatency", endsAt: Date.parse("2026-11-25T14:10:00Z") });
  });

  it("names the malformed field: alerts[2].labels", () => {
    const body = alertmanagerPayload([
      alertmanagerAlert({ fingerprint: "a", alertname: "A" }),
      alertmanagerAlert({ fingerprint: "b", alertname: "B" }),
      alertmanagerAlert({ fingerprint: "c", alertname: "C" }),
    ]);
    (body.alerts[2] as Record<string, unknown>).labels = "oops";
    expect(Object.keys(fieldsOf(() => parseAlertmanagerPayload(body)))).toEqual(["alerts[2].labels"]);
    (body.alerts[2] as Record<string, unknown>).labels = { a: 1 };
    expect(Object.keys(fieldsOf(() => parseAlertmanagerPayload(body)))).toEqual(["alerts[2].labels.a"]);
  });

  it("refuses a wrong version, a missing fingerprint, bad times and a bad status", () => {
    const body = alertmanagerPayload([alertmanagerAlert({ fingerprint: "a", alertname: "A" })]);
    expect(fieldsOf(() => parseAlertmanagerPayload({ ...body, version: "3" }))).toHaveProperty("version");
    const noFp = { ...body, alerts: [{ ...body.alerts[0], fingerprint: undefined }] };
    expect(fieldsOf(() => parseAlertmanagerPayload(noFp))).toHaveProperty(["alerts[0].fingerprint"]);
    const badTime = { ...body, alerts: [{ ...body.alerts[0], startsAt: "yesterday" }] };
    expect(fieldsOf(() => parseAlertmanagerPayload(badTime))).toHaveProperty(["alerts[0].startsAt"]);
    const badStatus = { ...body, alerts: [{ ...body.alerts[0], status: "pending" }] };
    expect(fieldsOf(() => parseAlertmanagerPayload(badStatus))).toHaveProperty(["alerts[0].status"]);
    expect(fieldsOf(() => parseAlertmanagerPayload({ ...body, alerts: "x" }))).toHaveProperty("alerts");
  });

  it("ignores fields newer versions add", () => {
    const body = { ...alertmanagerPayload([alertmanagerAlert({ fingerprint: "a", alertname: "A" })]), future: 1 };
    expect(parseAlertmanagerPayload(body).alerts).toHaveLength(1);
  });
});

describe("Grafana webhook", () => {
  it("takes Grafana's links and values", () => {
    const { alerts } = parseGrafanaPayload(grafanaPayload([alertmanagerAlert({ fingerprint: "g1", alertname: "CPU high", severity: "warning" })]));
    expect(alerts[0]).toMatchObject({
      dedupKey: "g1",
      dashboardUrl: "http://grafana:3000/d/abc?orgId=1",
      panelUrl: "http://grafana:3000/d/abc?orgId=1&viewPanel=2",
      silenceUrl: expect.stringContaining("http://grafana:3000/alerting/silence/new"),
      values: { A: 97.5, C: 1 },
    });
  });

  it("needs version 1, and names bad Grafana fields", () => {
    const body = grafanaPayload([alertmanagerAlert({ fingerprint: "g1", alertname: "CPU high" })]);
    expect(fieldsOf(() => parseGrafanaPayload({ ...body, version: "4" }))).toHaveProperty("version");
    const badValues = { ...body, alerts: [{ ...body.alerts[0], values: { A: "high" } }] };
    expect(fieldsOf(() => parseGrafanaPayload(badValues))).toHaveProperty(["alerts[0].values.A"]);
  });
});

describe("Events API v2", () => {
  it("a trigger becomes a firing alert with labels from the payload", () => {
    const { alerts, dedupKey } = parseEventsV2Payload(eventsV2Trigger("disk-db-1"));
    expect(dedupKey).toBe("disk-db-1");
    expect(alerts[0]).toMatchObject({
      dedupKey: "disk-db-1",
      event: "firing",
      title: "Disk almost full on db-1",
      labels: { severity: "critical", source: "db-1.prod", component: "postgres", group: "prod-datapipe", class: "disk" },
      annotations: { summary: "Disk almost full on db-1", free_space: "2%", mount: "/var/lib/postgresql" },
      startsAt: Date.parse("2026-11-25T14:00:00Z"),
      generatorUrl: "https://monitoring.example.com",
      dashboardUrl: "https://grafana.example.com/d/disk",
    });
  });

  it("acknowledge and resolve need a dedup_key; a trigger without one gets a fresh key", () => {
    expect(parseEventsV2Payload({ event_action: "resolve", dedup_key: "k" }).alerts[0]!.event).toBe("resolved");
    expect(parseEventsV2Payload({ event_action: "acknowledge", dedup_key: "k" }).alerts[0]!.event).toBe("acknowledged");
    expect(fieldsOf(() => parseEventsV2Payload({ event_action: "resolve" }))).toHaveProperty("dedup_key");
    const trigger = eventsV2Trigger("x");
    delete (trigger as Record<string, unknown>).dedup_key;
    expect(parseEventsV2Payload(trigger, () => "fresh").dedupKey).toBe("fresh");
  });

  it("names malformed fields", () => {
    expect(fieldsOf(() => parseEventsV2Payload({ event_action: "trigger", dedup_key: "k" }))).toHaveProperty("payload");
    expect(fieldsOf(() => parseEventsV2Payload(eventsV2Trigger("k", { event_action: "page" })))).toHaveProperty("event_action");
    const badSeverity = eventsV2Trigger("k");
    (badSeverity.payload as Record<string, unknown>).severity = "sev1";
    expect(fieldsOf(() => parseEventsV2Payload(badSeverity))).toHaveProperty(["payload.severity"]);
  });
});

describe("titles and paths", () => {
  it("title from summary, else alertname, one line, at most 200 characters", () => {
    expect(alertTitle({ summary: "  Disk\nfull " }, { alertname: "X" })).toBe("Disk full");
    expect(alertTitle({}, { alertname: "X" })).toBe("X");
    expect(alertTitle({ summary: "" }, {})).toBe("Alert");
    expect(alertTitle({ summary: "a".repeat(300) }, {})).toHaveLength(200);
  });

  it("writes JSON paths", () => {
    expect(jsonPath(["alerts", 2, "labels"])).toBe("alerts[2].labels");
    expect(jsonPath([])).toBe("body");
    expect(jsonPath([0])).toBe("[0]");
  });
});
