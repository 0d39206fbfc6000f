"use server";
import { requireActor } from "@/server/auth/session";
import { actionResult } from "@/lib/action-result";
import { notFound } from "@/lib/errors";
import { parseReference } from "@/lib/validation/incident";
import { linkService, setSpendOverride, unlinkService } from "@/db/commands/incidents/services";

// Affected services and SLO spend on the incident page. Role and visibility checks live in
// the data functions, which the API routes call too.

async function mutate(ref: string, fn: (actor: Awaited<ReturnType<typeof requireActor>>, incidentId: number) => Promise<void>) {
  const actor = await requireActor();
  return actionResult(async () => {
    const incidentId = parseReference(String(ref));
    if (!incidentId) throw notFound();
    await fn(actor, incidentId);
    return undefined;
  });
}

/** Links a service, or changes the impact of one already linked. */
export async function linkServiceAction(ref: string, input: { service: string; impact: string }) {
  return mutate(ref, async (actor, incidentId) => {
    await linkService({ actor, incidentId, input: { service: input?.service, impact: input?.impact } });
  });
}

export async function unlinkServiceAction(ref: string, slug: string) {
  return mutate(ref, async (actor, incidentId) => {
    await unlinkService({ actor, incidentId, slug: String(slug) });
  });
}

/** Sets this incident's spend on one SLO by hand (minutes + reason); null clears it. */
export async function setSpendOverrideAction(ref: string, sloId: number, input: { minutes: number; reason: string } | null) {
  return mutate(ref, async (actor, incidentId) => {
    await setSpendOverride({ actor, incidentId, sloId: Number(sloId), input: input === null ? null : { minutes: input?.minutes, reason: input?.reason } });
  });
}
