"use server";
import { revalidatePath } from "next/cache";
import { requireActor } from "@/server/auth/session";
import { actionResult } from "@/lib/action-result";
import { validationFailed } from "@/lib/errors";
import { createIntegration, deleteIntegration, rotateIntegrationSecret, updateIntegration } from "@/db/commands/integrations/manage";
import { getIntegrationDeliveryPayload } from "@/db/queries/integrations/integrations";

// Public endpoints: each re-reads the actor, and the data functions check the admin role and validate the input.

function idOf(value: unknown, field: string): number {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value <= 0) throw validationFailed({ [field]: "Unknown integration" });
  return value;
}

function revalidate(id?: number) {
  revalidatePath("/admin/integrations");
  if (id) revalidatePath(`/admin/integrations/${id}`);
}

export async function createIntegrationAction(input: Record<string, unknown>) {
  const actor = await requireActor();
  return actionResult(async () => {
    const created = await createIntegration({ actor, input });
    revalidate();
    // The secret goes to this response only; it is stored hashed.
    return { integration: created.integration, secret: created.secret };
  });
}

export async function updateIntegrationAction(id: number, input: Record<string, unknown>) {
  const actor = await requireActor();
  return actionResult(async () => {
    const integration = await updateIntegration({ actor, id: idOf(id, "id"), input });
    revalidate(integration.id);
    return integration;
  });
}

export async function rotateIntegrationSecretAction(id: number, input: { version: number }) {
  const actor = await requireActor();
  return actionResult(async () => {
    const rotated = await rotateIntegrationSecret({ actor, id: idOf(id, "id"), input });
    revalidate(rotated.integration.id);
    return { integration: rotated.integration, secret: rotated.secret };
  });
}

export async function deleteIntegrationAction(id: number) {
  const actor = await requireActor();
  return actionResult(async () => {
    await deleteIntegration({ actor, id: idOf(id, "id") });
    revalidate();
  });
}

/** A delivery's payload as received, pretty-printed when it is whole JSON. */
export async function deliveryPayloadAction(integrationId: number, deliveryId: number) {
  const actor = await requireActor();
  return actionResult(async () => {
    const { payload, truncated } = await getIntegrationDeliveryPayload({
      actor,
      integrationId: idOf(integrationId, "integrationId"),
      deliveryId: idOf(deliveryId, "deliveryId"),
    });
    if (truncated) return { text: payload, truncated, json: false };
    try {
      return { text: JSON.stringify(JSON.parse(payload), null, 2), truncated, json: true };
    } catch {
      return { text: payload, truncated, json: false };
    }
  });
}
