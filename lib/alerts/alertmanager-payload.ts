import { z } from "zod";
import { alertTitle, optionalUrl, parsePayload, rfc3339, stringMap, type AlertBatch, type NormalizedAlert } from "./normalized-alert";

export const MAX_ALERTS_PER_REQUEST = 1000;

const status = z.enum(["firing", "resolved"], { error: 'Must be "firing" or "resolved"' });

const alertmanagerAlert = z.object({
  status,
  labels: stringMap,
  annotations: stringMap.optional().default({}),
  startsAt: rfc3339,
  endsAt: rfc3339.optional().default(null),
  generatorURL: optionalUrl,
  fingerprint: z.string({ error: "Required: the alert's fingerprint" }).min(1, "Required: the alert's fingerprint").max(200),
});

/** Prometheus Alertmanager webhook, version 4 (unknown extra fields are ignored, as newer versions add some). */
export const alertmanagerPayloadSchema = z.object({
  version: z.literal("4", { error: 'Must be "4" (Alertmanager webhook version 4)' }),
  groupKey: z.string({ error: "Required: a string" }).max(10_000),
  status,
  receiver: z.string().max(1000).optional(),
  groupLabels: stringMap.optional(),
  commonLabels: stringMap.optional(),
  commonAnnotations: stringMap.optional(),
  externalURL: z.string().max(2000).optional(),
  truncatedAlerts: z.number().int().min(0).optional(),
  alerts: z.array(alertmanagerAlert, { error: "Must be a list of alerts" }).max(MAX_ALERTS_PER_REQUEST, `At most ${MAX_ALERTS_PER_REQUEST} alerts per request`),
});

const values = z.record(z.string().max(200), z.number().nullable(), { error: "Must be an object of numbers" }).nullable().optional();

/** Grafana's webhook contact point: the Alertmanager shape with `version: "1"` and Grafana's extra fields. */
export const grafanaPayloadSchema = alertmanagerPayloadSchema.extend({
  version: z.literal("1", { error: 'Must be "1" (Grafana webhook version 1)' }),
  orgId: z.number().int().optional(),
  title: z.string().max(10_000).optional(),
  state: z.string().max(100).optional(),
  message: z.string().max(100_000).optional(),
  alerts: z
    .array(
      alertmanagerAlert.extend({
        dashboardURL: optionalUrl,
        panelURL: optionalUrl,
        silenceURL: optionalUrl,
        imageURL: optionalUrl,
        values,
        valueString: z.string().max(10_000).optional(),
      }),
      { error: "Must be a list of alerts" },
    )
    .max(MAX_ALERTS_PER_REQUEST, `At most ${MAX_ALERTS_PER_REQUEST} alerts per request`),
});

type AmAlert = z.infer<typeof alertmanagerAlert> & {
  dashboardURL?: string | null;
  panelURL?: string | null;
  silenceURL?: string | null;
  values?: Record<string, number | null> | null;
};

/** Alertmanager's own "new silence" page, pre-filled with the alert's labels. */
export function alertmanagerSilenceUrl(externalUrl: string | undefined, labels: Record<string, string>): string | null {
  if (!externalUrl || !/^https?:\/\//i.test(externalUrl)) return null;
  const filter = `{${Object.entries(labels)
    .map(([name, value]) => `${name}=${JSON.stringify(value)}`)
    .join(", ")}}`;
  return `${externalUrl.replace(/\/+$/, "")}/#/silences/new?filter=${encodeURIComponent(filter)}`;
}

function normalize(alert: AmAlert, groupKey: string, externalUrl?: string): NormalizedAlert {
  return {
    dedupKey: alert.fingerprint,
    groupKey: groupKey || null,
    event: alert.status,
    labels: alert.labels,
    annotations: alert.annotations,
    title: alertTitle(alert.annotations, alert.labels),
    startsAt: alert.startsAt,
    endsAt: alert.status === "resolved" ? alert.endsAt : null,
    generatorUrl: alert.generatorURL,
    dashboardUrl: alert.dashboardURL ?? null,
    panelUrl: alert.panelURL ?? null,
    silenceUrl: alert.silenceURL ?? alertmanagerSilenceUrl(externalUrl, alert.labels),
    values: alert.values ?? null,
  };
}

/** Alertmanager webhook v4 → normalized alerts; 400 naming the field when malformed. */
export function parseAlertmanagerPayload(body: unknown): AlertBatch {
  const payload = parsePayload(alertmanagerPayloadSchema, body);
  return { alerts: payload.alerts.map((a) => normalize(a, payload.groupKey, payload.externalURL)) };
}

/** Grafana webhook (version "1") → normalized alerts, with dashboard, panel and silence links and values. */
export function parseGrafanaPayload(body: unknown): AlertBatch {
  const payload = parsePayload(grafanaPayloadSchema, body);
  return { alerts: payload.alerts.map((a) => normalize(a, payload.groupKey)) };
}
