"use server";
import { revalidatePath } from "next/cache";
import { requireActor } from "@/server/auth/session";
import { actionResult } from "@/lib/action-result";
import { validationFailed } from "@/lib/errors";
import { createWebhookEndpoint, deleteWebhookEndpoint, rotateWebhookSecret, updateWebhookEndpoint } from "@/db/commands/webhooks/endpoints";
import { redeliverWebhook, sendTestWebhook } from "@/db/commands/webhooks/deliveries";
import { getWebhookDelivery } from "@/db/queries/webhooks/deliveries";

// Each action is a public endpoint: it re-reads the actor, and the data functions check the admin role.

function idOf(value: unknown, field: string, what: string): number {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value <= 0) throw validationFailed({ [field]: `Unknown ${what}` });
  return value;
}
const endpointIdOf = (value: unknown) => idOf(value, "endpointId", "webhook endpoint");
const deliveryIdOf = (value: unknown) => idOf(value, "deliveryId", "delivery");

function revalidate(endpointId?: number) {
  revalidatePath("/admin/webhooks");
  if (endpointId) revalidatePath(`/admin/webhooks/${endpointId}`);
}

export async function createWebhookAction(input: Record<string, unknown>) {
  const actor = await requireActor();
  return actionResult(async () => {
    const { endpoint, secret } = await createWebhookEndpoint({ actor, input });
    revalidate();
    // The secret goes to this response only; it is never shown again.
    return { id: endpoint.id, name: endpoint.name, format: endpoint.format, secret };
  });
}

export async function updateWebhookAction(endpointId: number, input: Record<string, unknown>) {
  const actor = await requireActor();
  return actionResult(async () => {
    const id = endpointIdOf(endpointId);
    const endpoint = await updateWebhookEndpoint({ actor, id, input });
    revalidate(id);
    return endpoint;
  });
}

export async function rotateWebhookSecretAction(endpointId: number, version: number) {
  const actor = await requireActor();
  return actionResult(async () => {
    const id = endpointIdOf(endpointId);
    const { endpoint, secret } = await rotateWebhookSecret({ actor, id, input: { version } });
    revalidate(id);
    return { name: endpoint.name, format: endpoint.format, version: endpoint.version, secret };
  });
}

export async function deleteWebhookAction(endpointId: number) {
  const actor = await requireActor();
  return actionResult(async () => {
    const id = endpointIdOf(endpointId);
    await deleteWebhookEndpoint({ actor, id });
    revalidatePath("/admin/webhooks");
  });
}

export async function sendTestWebhookAction(endpointId: number) {
  const actor = await requireActor();
  return actionResult(async () => {
    const id = endpointIdOf(endpointId);
    const delivery = await sendTestWebhook({ actor, endpointId: id });
    revalidate(id);
    return delivery;
  });
}

export async function redeliverWebhookAction(endpointId: number, deliveryId: number) {
  const actor = await requireActor();
  return actionResult(async () => {
    const id = endpointIdOf(endpointId);
    const delivery = await redeliverWebhook({ actor, endpointId: id, deliveryId: deliveryIdOf(deliveryId) });
    revalidate(id);
    return delivery;
  });
}

/** One delivery's state, for the "Send test event" result that follows it until it settles. */
export async function deliveryStateAction(endpointId: number, deliveryId: number) {
  const actor = await requireActor();
  return actionResult(async () => {
    const {
      body: _body,
      attemptsLog: _log,
      ...delivery
    } = await getWebhookDelivery({ actor, endpointId: endpointIdOf(endpointId), deliveryId: deliveryIdOf(deliveryId) });
    return delivery;
  });
}
