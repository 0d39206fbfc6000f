// TEMPORARY until webhooks-core is merged.
import type { Actor } from "@/lib/actor";
import type { WebhookDeliveryDetail, WebhookDeliveryView, WebhookEndpointView } from "./_contract";
const no = (): never => {
  throw new Error("not merged");
};
export const listWebhookEndpoints = (_: { actor: Actor }): WebhookEndpointView[] => no();
export const getWebhookEndpoint = (_: { actor: Actor; id: number }): WebhookEndpointView => no();
export const listWebhookDeliveries = (_: {
  actor: Actor;
  endpointId: number;
  cursor?: string;
  limit?: number;
}): {
  items: WebhookDeliveryView[];
  nextCursor: string | null;
} => no();
export const getWebhookDelivery = (_: { actor: Actor; endpointId: number; deliveryId: number }): WebhookDeliveryDetail => no();
export const createWebhookEndpoint = (_: { actor: Actor; input: unknown }): { endpoint: WebhookEndpointView; secret: string } => no();
export const updateWebhookEndpoint = (_: { actor: Actor; id: number; input: unknown }): WebhookEndpointView => no();
export const rotateWebhookSecret = (_: { actor: Actor; id: number; input: { version: number } }): { endpoint: WebhookEndpointView; secret: string } => no();
export const deleteWebhookEndpoint = (_: { actor: Actor; id: number }): void => no();
export const redeliverWebhook = (_: { actor: Actor; endpointId: number; deliveryId: number }): WebhookDeliveryView => no();
export const sendTestWebhook = (_: { actor: Actor; endpointId: number }): WebhookDeliveryView => no();
