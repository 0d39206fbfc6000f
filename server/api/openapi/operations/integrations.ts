import { z } from "zod";
import type { ApiOperation } from "../operation";
import { alertmanagerPayloadSchema, grafanaPayloadSchema } from "@/lib/alerts/alertmanager-payload";
import { eventsV2PayloadSchema } from "@/lib/alerts/events-v2-payload";
import { routingRuleSchema } from "@/lib/alerts/routing-rules";
import { createIntegrationSchema, INTEGRATION_KIND_VALUES, rotateIntegrationSecretSchema, updateIntegrationSchema } from "@/lib/validation/integration";
import { DELIVERY_OUTCOMES } from "@/lib/alerts/delivery-outcome";
import { incidentAlertsSchema } from "../schemas/alert";
import { incidentPath } from "../params";

const tags = ["Alert intake"];
const admin = { kind: "actor", minRole: "admin" } as const;
const wholeId = (what: string) =>
  z
    .string()
    .regex(/^\d{1,12}$/)
    .meta({ description: `The ${what} id (a positive whole number).`, example: "3" });
const integrationPath = z.object({ id: wholeId("integration") });
const deliveryPath = z.object({ id: wholeId("integration"), deliveryId: wholeId("delivery") });
const iso = z.string().meta({ description: "ISO-8601 time", example: "2026-11-25T14:03:00.000Z" });
const outcome = z.enum(DELIVERY_OUTCOMES);

const integrationSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    kind: z.enum(INTEGRATION_KIND_VALUES),
    enabled: z.boolean(),
    endpointPath: z.string().meta({ example: "/api/v1/integrations/3/alertmanager" }),
    secretHint: z.string().meta({ description: "The secret's last 4 characters." }),
    hmacConfigured: z.boolean(),
    rules: z.array(routingRuleSchema),
    version: z.number().int(),
    createdAt: iso,
    updatedAt: iso,
    lastDelivery: z.object({ at: iso, httpStatus: z.number().int(), outcome }).nullable(),
  })
  .meta({ id: "Integration" });
const withSecret = z.object({
  integration: integrationSchema,
  secret: z.string().meta({ description: "The integration's secret: shown this once; only a hash is stored." }),
});
const intakeResultSchema = z
  .object({
    declared: z.array(z.string()).meta({ description: "Incidents declared by this request (INC-n)." }),
    attached: z.array(z.string()).meta({ description: "Open incidents that new alerts attached to." }),
    deduplicated: z.number().int().meta({ description: "Alerts already known (repeats, retries, resolved alerts sent again)." }),
    resolved: z.number().int(),
    recorded: z.number().int().meta({ description: "Alerts stored without an incident (rule action `record`, or `attach` with no open incident)." }),
    acknowledged: z.number().int(),
  })
  .meta({ id: "AlertIntakeResult" });
const deliverySchema = z
  .object({
    id: z.number().int(),
    receivedAt: iso,
    httpStatus: z.number().int(),
    outcome,
    alertCount: z.number().int(),
    result: intakeResultSchema.partial({ acknowledged: true }).nullable(),
    error: z.string().nullable(),
  })
  .meta({ id: "IntegrationDelivery" });
const signatureHeaders = z.object({
  "x-grafana-alerting-signature": z
    .string()
    .optional()
    .meta({ description: "Hex HMAC-SHA256 of the body (or of `timestamp:body`), required when the integration has an HMAC secret." }),
  "x-grafana-alerting-signature-timestamp": z.string().optional().meta({ description: "Unix seconds; when sent, the signature covers `timestamp:body`." }),
});

const intake = (kind: (typeof INTEGRATION_KIND_VALUES)[number], summary: string, body: z.ZodType, description: string): ApiOperation => ({
  method: "post",
  path: `/api/v1/integrations/{id}/${kind}`,
  summary,
  description: `${description} Alerts are deduplicated by fingerprint / dedup_key and grouped by groupKey (one open incident per group). A disabled integration answers 403; another kind's path 404.`,
  tags,
  auth: { kind: "integration-secret" },
  pathParams: integrationPath,
  ...(kind === "grafana" ? { headers: signatureHeaders } : {}),
  body,
  responses: {
    200: {
      description: "What the alerts did.",
      schema:
        kind === "events-v2" ? intakeResultSchema.extend({ status: z.literal("success"), message: z.string(), dedup_key: z.string() }) : intakeResultSchema,
    },
    403: { description: "The integration is disabled." },
    422: { description: "The alerts could not be processed; the error is in the integration's delivery log." },
  },
});

export const integrationsOperations: ApiOperation[] = [
  {
    method: "get",
    path: "/api/v1/incidents/{ref}/alerts",
    summary: "List an incident's alerts",
    description: "The alerts integrations declared or attached this incident with: labels, annotations, links, firing or resolved.",
    tags,
    auth: { kind: "actor", minRole: "viewer" },
    pathParams: incidentPath,
    responses: { 200: { description: "The incident's alerts and counts.", schema: incidentAlertsSchema } },
  },
  intake(
    "alertmanager",
    "Receive Alertmanager alerts",
    alertmanagerPayloadSchema,
    "Prometheus Alertmanager's webhook (version 4), sent by a `webhook_configs` receiver.",
  ),
  intake(
    "grafana",
    "Receive Grafana alerts",
    grafanaPayloadSchema,
    "Grafana's webhook contact point (version 1); its HMAC signature is checked when the integration has an HMAC secret.",
  ),
  intake(
    "events-v2",
    "Receive Events API v2 events",
    eventsV2PayloadSchema,
    "A PagerDuty Events API v2-compatible event: trigger, acknowledge or resolve. Without an Authorization header, `routing_key` is taken as the secret.",
  ),
  {
    method: "get",
    path: "/api/v1/integrations",
    summary: "List alert integrations",
    tags,
    auth: admin,
    responses: { 200: { description: "Every integration, oldest first.", schema: z.object({ items: z.array(integrationSchema) }) } },
  },
  {
    method: "post",
    path: "/api/v1/integrations",
    summary: "Add an alert integration",
    description: "Starts with the default rule unless `rules` are given. The secret is in this response only.",
    tags,
    auth: admin,
    body: createIntegrationSchema,
    responses: { 201: { description: "The integration and its secret.", schema: withSecret } },
  },
  {
    method: "get",
    path: "/api/v1/integrations/{id}",
    summary: "Get an alert integration",
    tags,
    auth: admin,
    pathParams: integrationPath,
    responses: { 200: { description: "The integration.", schema: integrationSchema } },
  },
  {
    method: "patch",
    path: "/api/v1/integrations/{id}",
    summary: "Change an alert integration",
    description: "Name, enabled, routing rules (replacing the list) or HMAC secret (`null` removes it). Send the `version` you last read.",
    tags,
    auth: admin,
    pathParams: integrationPath,
    body: updateIntegrationSchema,
    responses: {
      200: { description: "The integration after the change.", schema: integrationSchema },
      409: { description: "Stale `version`: `current` is the integration as it is now." },
    },
  },
  {
    method: "delete",
    path: "/api/v1/integrations/{id}",
    summary: "Delete an alert integration",
    description: "Its alerts and delivery log go with it; incidents it declared stay.",
    tags,
    auth: admin,
    pathParams: integrationPath,
    responses: { 204: { description: "Deleted." } },
  },
  {
    method: "post",
    path: "/api/v1/integrations/{id}/secret",
    summary: "Rotate an integration's secret",
    description: "The old secret stops working at once; the new one is in this response only.",
    tags,
    auth: admin,
    pathParams: integrationPath,
    body: rotateIntegrationSecretSchema,
    responses: {
      200: { description: "The integration and its new secret.", schema: withSecret },
      409: { description: "Stale `version`." },
    },
  },
  {
    method: "get",
    path: "/api/v1/integrations/{id}/deliveries",
    summary: "An integration's last 50 deliveries",
    tags,
    auth: admin,
    pathParams: integrationPath,
    responses: { 200: { description: "Newest first.", schema: z.object({ items: z.array(deliverySchema) }) } },
  },
  {
    method: "get",
    path: "/api/v1/integrations/{id}/deliveries/{deliveryId}",
    summary: "One delivery, with its payload",
    tags,
    auth: admin,
    pathParams: deliveryPath,
    responses: {
      200: {
        description: "The delivery and the body as received (cut at 64 KiB: `truncated`).",
        schema: deliverySchema.extend({ payload: z.string(), truncated: z.boolean() }),
      },
    },
  },
];
