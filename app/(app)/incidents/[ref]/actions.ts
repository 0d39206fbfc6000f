"use server";
import { revalidatePath } from "next/cache";
import { requireActor } from "@/server/auth/session";
import { actionResult } from "@/lib/action-result";
import { notFound } from "@/lib/errors";
import { parseReference } from "@/lib/validation/incident";
import { getIncident } from "@/db/queries/incidents/detail";
import { updateIncident } from "@/db/commands/incidents/update";
import { addNote, setHighlighted } from "@/db/commands/incidents/timeline";
import { addResponder, removeResponder } from "@/db/commands/incidents/people";
import { lastActivity } from "@/db/queries/incidents/activity";

function incidentIdOf(ref: string): number {
  const id = parseReference(String(ref));
  if (!id) throw notFound();
  return id;
}

async function mutate<T>(ref: string, fn: (actor: Awaited<ReturnType<typeof requireActor>>, incidentId: number) => T) {
  const actor = await requireActor();
  return actionResult(() => {
    const result = fn(actor, incidentIdOf(ref));
    revalidatePath(`/incidents/${ref}`);
    revalidatePath("/incidents");
    return result;
  });
}

export async function updateIncidentAction(ref: string, input: Record<string, unknown>) {
  return mutate(ref, (actor, incidentId) => {
    const incident = updateIncident({ actor, incidentId, input });
    return { version: incident.version };
  });
}

export async function addNoteAction(ref: string, input: Record<string, unknown>) {
  return mutate(ref, (actor, incidentId) => ({ id: addNote({ actor, incidentId, input }).id }));
}

export async function setHighlightAction(ref: string, entryId: number, highlighted: boolean) {
  return mutate(ref, (actor, incidentId) => ({ highlighted: setHighlighted({ actor, incidentId, entryId: Number(entryId), highlighted }).highlighted }));
}

export async function addResponderAction(ref: string, userId: number) {
  return mutate(ref, (actor, incidentId) => addResponder({ actor, incidentId, userId: Number(userId) }));
}

export async function removeResponderAction(ref: string, userId: number) {
  return mutate(ref, (actor, incidentId) => removeResponder({ actor, incidentId, userId: Number(userId) }));
}

/** A token that changes whenever the incident or its timeline does: the page polls it for live updates. */
export async function incidentFreshnessAction(ref: string) {
  const actor = await requireActor();
  return actionResult(() => {
    const incident = getIncident({ actor, incidentId: incidentIdOf(ref) });
    const activity = lastActivity({ actor, incidentIds: [incident.id] }).get(incident.id);
    return `${incident.version}:${activity?.entryId ?? 0}:${incident.people.length}`;
  });
}
