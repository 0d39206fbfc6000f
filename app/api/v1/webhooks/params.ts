import { notFound } from "@/lib/errors";

export type WebhookParams = { params: Promise<{ id: string }> };
export type WebhookDeliveryParams = { params: Promise<{ id: string; deliveryId: string }> };

const positiveId = (value: string, what: string) => {
  const id = /^\d{1,12}$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(id) || id < 1) throw notFound(what);
  return id;
};

/** The endpoint id from the path: a positive whole number, else 404. */
export async function webhookIdFrom(params: WebhookParams["params"]): Promise<number> {
  return positiveId((await params).id, "Webhook");
}

/** The endpoint and delivery ids from the path, else 404. */
export async function deliveryIdsFrom(params: WebhookDeliveryParams["params"]): Promise<{ endpointId: number; deliveryId: number }> {
  const { id, deliveryId } = await params;
  return { endpointId: positiveId(id, "Webhook"), deliveryId: positiveId(deliveryId, "Webhook delivery") };
}
