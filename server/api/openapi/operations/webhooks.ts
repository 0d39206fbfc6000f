import { z } from "zod";
import { createWebhookSchema, rotateWebhookSecretSchema, updateWebhookSchema, webhookDeliveriesQuerySchema } from "@/lib/webhooks/validation";
import {
  webhookDeliveryDetailJsonSchema,
  webhookDeliveryJsonSchema,
  webhookDeliveryPageJsonSchema,
  webhookEndpointJsonSchema,
  webhookWithSecretJsonSchema,
} from "../../json/webhook";
import type { ApiOperation } from "../operation";

const admin = { kind: "actor", minRole: "admin" } as const;
const tags = ["Webhooks"];
const endpointPath = z.object({ id: z.string().describe("The webhook endpoint id") });
const deliveryPath = endpointPath.extend({ deliveryId: z.string().describe("The delivery id") });
const notFound = { description: "No such webhook endpoint (or delivery)" };
const invalid = { description: "A field is invalid; `error.fields` names it" };

/** Outgoing webhooks: endpoints, their signing secrets, delivery logs, redelivery and test events (admins). */
export const webhooksOperations: ApiOperation[] = [
  {
    method: "get",
    path: "/api/v1/webhooks",
    summary: "List webhook endpoints",
    tags,
    auth: admin,
    responses: { 200: { description: "Every endpoint with its delivery figures", schema: z.object({ items: z.array(webhookEndpointJsonSchema) }) } },
  },
  {
    method: "post",
    path: "/api/v1/webhooks",
    summary: "Add a webhook endpoint",
    description: "Returns the Standard Webhooks signing secret (`whsec_…`) this once. Links to the incident use NEXTAUTH_URL.",
    tags,
    auth: admin,
    body: createWebhookSchema,
    responses: { 201: { description: "Created, with its secret", schema: webhookWithSecretJsonSchema }, 400: invalid },
  },
  {
    method: "get",
    path: "/api/v1/webhooks/{id}",
    summary: "Read a webhook endpoint",
    tags,
    auth: admin,
    pathParams: endpointPath,
    responses: { 200: { description: "The endpoint", schema: webhookEndpointJsonSchema }, 404: notFound },
  },
  {
    method: "patch",
    path: "/api/v1/webhooks/{id}",
    summary: "Change a webhook endpoint",
    description: "Send the `version` you read. `enabled: true` re-enables an endpoint disabled after repeated failures and clears its notice.",
    tags,
    auth: admin,
    pathParams: endpointPath,
    body: updateWebhookSchema,
    responses: {
      200: { description: "The endpoint as saved", schema: webhookEndpointJsonSchema },
      400: invalid,
      404: notFound,
      409: { description: "Stale version; `current` holds the endpoint as it is now" },
    },
  },
  {
    method: "delete",
    path: "/api/v1/webhooks/{id}",
    summary: "Delete a webhook endpoint and its delivery log",
    tags,
    auth: admin,
    pathParams: endpointPath,
    responses: { 204: { description: "Deleted" }, 404: notFound },
  },
  {
    method: "post",
    path: "/api/v1/webhooks/{id}/secret",
    summary: "Rotate the signing secret",
    tags,
    auth: admin,
    pathParams: endpointPath,
    body: rotateWebhookSecretSchema,
    responses: {
      200: { description: "The endpoint with its new secret, shown this once", schema: webhookWithSecretJsonSchema },
      404: notFound,
      409: { description: "Stale version" },
    },
  },
  {
    method: "post",
    path: "/api/v1/webhooks/{id}/test",
    summary: "Send a test event",
    description: "Queues a `webhook.test` delivery, sent at once (also while the endpoint is disabled).",
    tags,
    auth: admin,
    pathParams: endpointPath,
    responses: { 202: { description: "The queued delivery", schema: webhookDeliveryJsonSchema }, 404: notFound },
  },
  {
    method: "get",
    path: "/api/v1/webhooks/{id}/deliveries",
    summary: "List an endpoint's deliveries",
    tags,
    auth: admin,
    pathParams: endpointPath,
    query: webhookDeliveriesQuerySchema,
    responses: { 200: { description: "Newest first; pass nextCursor for the next page", schema: webhookDeliveryPageJsonSchema }, 400: invalid, 404: notFound },
  },
  {
    method: "get",
    path: "/api/v1/webhooks/{id}/deliveries/{deliveryId}",
    summary: "Read a delivery with its body and attempts",
    tags,
    auth: admin,
    pathParams: deliveryPath,
    responses: { 200: { description: "The delivery", schema: webhookDeliveryDetailJsonSchema }, 404: notFound },
  },
  {
    method: "post",
    path: "/api/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver",
    summary: "Redeliver",
    description: "Queues the delivery again, due now, with the same body and `webhook-id`.",
    tags,
    auth: admin,
    pathParams: deliveryPath,
    responses: {
      202: { description: "The queued delivery", schema: webhookDeliveryJsonSchema },
      404: notFound,
      409: { description: "It is being sent right now" },
    },
  },
];
