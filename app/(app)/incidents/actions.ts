"use server";
import { revalidatePath } from "next/cache";
import { requireActor } from "@/server/auth/session";
import { actionResult } from "@/lib/action-result";
import { incidentReference } from "@/lib/validation/incident";
import { declareIncident } from "@/db/commands/incidents/declare";

/** The form's key was used for an earlier send with other details: that send may have declared an incident already. */
const ALREADY_DECLARED_FROM_FORM =
  "An earlier send from this form may already have declared an incident with different details. Check the incident list first; to declare another, close this form and open a new one.";

export async function declareIncidentAction(input: Record<string, unknown>, idempotencyKey: string) {
  const actor = await requireActor();
  const result = await actionResult(async () => {
    const { incident } = await declareIncident({ actor, input, idempotencyKey });
    revalidatePath("/incidents");
    return { reference: incidentReference(incident.id) };
  });
  if (!result.ok && result.fields?.["Idempotency-Key"]) return { ok: false as const, code: result.code, message: ALREADY_DECLARED_FROM_FORM };
  return result;
}
