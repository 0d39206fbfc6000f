import { z } from "zod";
import { WEBHOOK_DELIVERY_STATUSES, WEBHOOK_EVENT_TYPES, WEBHOOK_FORMATS, WEBHOOK_TEST_EVENT } from "@/lib/webhooks/event-types";
import type { WebhookDeliveryDetail, WebhookDeliveryView, WebhookEndpointView } from "@/lib/webhooks/event-types";
import { isoOrNull } from "./incident";

/** The public API shapes (`/api/v1/webhooks`): the admin views with ISO times. Schemas document them (OpenAPI). */

const isoTime = z.string().describe("ISO 8601 time");

export const webhookEndpointJsonSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  url: z.string(),
  events: z.array(z.enum(WEBHOOK_EVENT_TYPES)),
  format: z.enum(WEBHOOK_FORMATS),
  includePrivate: z.boolean(),
  enabled: z.boolean(),
  disabledReason: z.string().nullable(),
  disabledAt: isoTime.nullable(),
  secretHint: z.string().describe("The last 4 characters of the signing secret"),
  version: z.number().int(),
  createdAt: isoTime,
  updatedAt: isoTime,
  stats: z.object({
    pending: z.number().int(),
    failed24h: z.number().int(),
    delivered24h: z.number().int(),
    lastAttemptAt: isoTime.nullable(),
    lastStatusCode: z.number().int().nullable(),
  }),
});
export type WebhookEndpointJson = z.infer<typeof webhookEndpointJsonSchema>;

export const webhookWithSecretJsonSchema = webhookEndpointJsonSchema.extend({
  secret: z.string().describe("The Standard Webhooks signing secret (whsec_…), returned only when created or rotated"),
});

export const webhookDeliveryJsonSchema = z.object({
  id: z.number().int(),
  webhookId: z.string().describe("The webhook-id header: the same on every retry and redelivery"),
  eventType: z.enum([...WEBHOOK_EVENT_TYPES, WEBHOOK_TEST_EVENT]),
  incident: z.string().nullable().describe("INC-n"),
  status: z.enum(WEBHOOK_DELIVERY_STATUSES),
  attempts: z.number().int(),
  nextAttemptAt: isoTime.nullable(),
  createdAt: isoTime,
  deliveredAt: isoTime.nullable(),
  lastStatusCode: z.number().int().nullable(),
  lastDurationMs: z.number().int().nullable(),
  lastError: z.string().nullable(),
});
export type WebhookDeliveryJson = z.infer<typeof webhookDeliveryJsonSchema>;

export const webhookDeliveryPageJsonSchema = z.object({ items: z.array(webhookDeliveryJsonSchema), nextCursor: z.string().nullable() });

export const webhookDeliveryDetailJsonSchema = webhookDeliveryJsonSchema.extend({
  body: z.string().describe("The exact request body sent"),
  attemptsLog: z.array(
    z.object({ attempt: z.number().int(), at: isoTime, statusCode: z.number().int().nullable(), durationMs: z.number().int(), error: z.string().nullable() }),
  ),
});

export function toWebhookEndpointJson(view: WebhookEndpointView): WebhookEndpointJson {
  return {
    ...view,
    disabledAt: isoOrNull(view.disabledAt),
    createdAt: new Date(view.createdAt).toISOString(),
    updatedAt: new Date(view.updatedAt).toISOString(),
    stats: { ...view.stats, lastAttemptAt: isoOrNull(view.stats.lastAttemptAt) },
  };
}

export function toWebhookDeliveryJson(view: WebhookDeliveryView): WebhookDeliveryJson {
  const { incidentReference, ...rest } = view;
  return {
    ...rest,
    incident: incidentReference,
    nextAttemptAt: isoOrNull(view.nextAttemptAt),
    createdAt: new Date(view.createdAt).toISOString(),
    deliveredAt: isoOrNull(view.deliveredAt),
  };
}

export function toWebhookDeliveryDetailJson(view: WebhookDeliveryDetail) {
  const { body, attemptsLog, ...rest } = view;
  return { ...toWebhookDeliveryJson(rest), body, attemptsLog: attemptsLog.map((a) => ({ ...a, at: new Date(a.at).toISOString() })) };
}
