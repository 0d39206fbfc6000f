"use server";
import { requireActor } from "@/server/auth/session";
import { actionResult } from "@/lib/action-result";
import { notFound } from "@/lib/errors";
import { incidentReference, parseReference } from "@/lib/validation/incident";
import type { IncidentState } from "@/db/queries/events/types";
import { updateIncident } from "@/db/commands/incidents/update";
import { addNote, setHighlighted } from "@/db/commands/incidents/timeline";
import { addResponder, removeResponder } from "@/db/commands/incidents/people";

function incidentIdOf(ref: string): number {
  const id = parseReference(String(ref));
  if (!id) throw notFound();
  return id;
}

// No revalidatePath: open pages follow the incident's event stream (the writer's own page included),
// so a write does not re-render the page for the person who made it.
async function mutate<T>(ref: string, fn: (actor: Awaited<ReturnType<typeof requireActor>>, incidentId: number) => T | Promise<T>) {
  const actor = await requireActor();
  return actionResult(() => fn(actor, incidentIdOf(ref)));
}

export async function updateIncidentAction(ref: string, input: Record<string, unknown>) {
  return mutate(ref, async (actor, incidentId) => {
    const { people: _people, services: _services, createdById: _by, createdByTokenId: _token, ...fields } = await updateIncident({ actor, incidentId, input });
    // The new state goes straight into the page's store, so the next edit starts from this version.
    const incident: IncidentState = { ...fields, reference: incidentReference(fields.id) };
    return { version: incident.version, incident };
  });
}

export async function addNoteAction(ref: string, input: Record<string, unknown>) {
  return mutate(ref, async (actor, incidentId) => ({ id: (await addNote({ actor, incidentId, input })).id }));
}

export async function setHighlightAction(ref: string, entryId: number, highlighted: boolean) {
  return mutate(ref, async (actor, incidentId) => ({
    highlighted: (await setHighlighted({ actor, incidentId, entryId: Number(entryId), highlighted })).highlighted,
  }));
}

export async function addResponderAction(ref: string, userId: number) {
  return mutate(ref, (actor, incidentId) => addResponder({ actor, incidentId, userId: Number(userId) }));
}

export async function removeResponderAction(ref: string, userId: number) {
  return mutate(ref, (actor, incidentId) => removeResponder({ actor, incidentId, userId: Number(userId) }));
}
