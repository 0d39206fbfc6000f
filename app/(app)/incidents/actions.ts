"use server";
import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/auth/session";
import { actionResult } from "@/lib/action-result";
import { incidentReference } from "@/lib/validation/incident";
import { declareIncident } from "@/db/queries/incidents";

export async function declareIncidentAction(input: Record<string, unknown>, idempotencyKey: string) {
  const actor = await requireActor();
  return actionResult(() => {
    const { incident } = declareIncident({ actor, input, idempotencyKey });
    revalidatePath("/incidents");
    return { reference: incidentReference(incident.id) };
  });
}
