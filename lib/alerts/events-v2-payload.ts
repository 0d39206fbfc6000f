import { z } from "zod";
import { alertTitle, optionalUrl, parsePayload, rfc3339, type AlertBatch, type NormalizedAlert } from "./normalized-alert";

const PD_SEVERITIES = ["critical", "error", "warning", "info"] as const;

const eventPayload = z.object({
  summary: z.string({ error: "Required: a one-line summary" }).min(1, "Required: a one-line summary").max(1024, "At most 1,024 characters"),
  source: z.string({ error: "Required: where the problem is" }).min(1, "Required: where the problem is").max(255),
  severity: z.enum(PD_SEVERITIES, { error: `Must be one of ${PD_SEVERITIES.join(", ")}` }),
  timestamp: rfc3339.optional(),
  component: z.string().max(255).optional(),
  group: z.string().max(255).optional(),
  class: z.string().max(255).optional(),
  custom_details: z.unknown().optional(),
});

const link = z.object({ href: z.string().max(2000), text: z.string().max(1000).optional() });

/** A PagerDuty Events API v2 body (`routing_key` is accepted and checked as the secret when no Authorization header is sent). */
export const eventsV2PayloadSchema = z
  .object({
    routing_key: z.string().max(200).optional(),
    event_action: z.enum(["trigger", "acknowledge", "resolve"], { error: 'Must be "trigger", "acknowledge" or "resolve"' }),
    dedup_key: z.string().min(1, "Must not be empty").max(255, "At most 255 characters").optional(),
    payload: eventPayload.optional(),
    client: z.string().max(255).optional(),
    client_url: optionalUrl,
    links: z.array(link).max(50).optional(),
    images: z.array(z.unknown()).max(50).optional(),
  })
  .superRefine((body, ctx) => {
    if (body.event_action === "trigger" && !body.payload) ctx.addIssue({ code: "custom", path: ["payload"], message: "Required for a trigger event" });
    if (body.event_action !== "trigger" && !body.dedup_key)
      ctx.addIssue({ code: "custom", path: ["dedup_key"], message: `Required for ${body.event_action === "resolve" ? "a resolve" : "an acknowledge"} event` });
  });

/** custom_details as annotations: strings kept, anything else as JSON (so nothing is lost, and all are strings). */
function detailsToAnnotations(details: unknown): Record<string, string> {
  if (details === undefined || details === null) return {};
  if (typeof details !== "object" || Array.isArray(details)) return { details: typeof details === "string" ? details : JSON.stringify(details) };
  return Object.fromEntries(
    Object.entries(details as Record<string, unknown>)
      .slice(0, 50)
      .map(([k, v]) => [k.slice(0, 200), (typeof v === "string" ? v : JSON.stringify(v)).slice(0, 10_000)]),
  );
}

/** Events API v2 → one normalized alert. A trigger without dedup_key gets a fresh one (as PagerDuty does). */
export function parseEventsV2Payload(
  body: unknown,
  newKey: () => string = () => crypto.randomUUID(),
): AlertBatch & { routingKey: string | null; dedupKey: string } {
  const event = parsePayload(eventsV2PayloadSchema, body);
  const dedupKey = event.dedup_key ?? newKey();
  const p = event.payload;
  const labels: Record<string, string> = {};
  if (p) {
    labels.severity = p.severity;
    labels.source = p.source;
    for (const key of ["component", "group", "class"] as const) if (p[key]) labels[key] = p[key];
  }
  const annotations = { ...detailsToAnnotations(p?.custom_details), ...(p ? { summary: p.summary } : {}) };
  const firstLink = event.links?.find((l) => /^https?:\/\//i.test(l.href))?.href ?? null;
  const alert: NormalizedAlert = {
    dedupKey,
    groupKey: null,
    event: event.event_action === "trigger" ? "firing" : event.event_action === "resolve" ? "resolved" : "acknowledged",
    labels,
    annotations,
    title: alertTitle(annotations, labels, `Event ${dedupKey}`),
    startsAt: p?.timestamp ?? null,
    endsAt: null,
    generatorUrl: event.client_url,
    dashboardUrl: firstLink,
    panelUrl: null,
    silenceUrl: null,
    values: null,
  };
  return { alerts: [alert], routingKey: event.routing_key ?? null, dedupKey };
}
