import "server-only";
import { and, eq } from "drizzle-orm";
import type { Actor } from "@/lib/actor";
import { AppError, notFound } from "@/lib/errors";
import { parseInput } from "@/lib/validation/parse";
import { addResponderSchema } from "@/lib/validation/incident";
import { changedRows } from "../../sql";
import type { Tx } from "../../types";
import { activePerson, personFrom, type Person } from "../../access/people";
import { incidentRoles, users } from "../../schema";
import { recordAudit } from "../../access/audit";
import { refreshIncidentFacts } from "../../access/incident-facts";
import { writeTimelineEntry } from "../../access/timeline";
import { acknowledgeIfNeeded, editableIncident } from "../../access/incidents";
import { emitRolesChanged } from "../events/emit";
import { transaction } from "../../transaction";

/** Adds a person to an incident's responders (besides commander, comms lead and scribe). */
export async function addResponder({ actor, incidentId, userId }: { actor: Actor; incidentId: number; userId: number }) {
  if (!Number.isSafeInteger(userId) || userId <= 0) throw new AppError("validation_failed", "Pick a person", { userId: "Pick a person" });
  await addResponderWith(actor, incidentId, (tx) => activePerson(tx, { id: userId }, "userId"));
}

/** The API's form: {userId} or {email}. */
export async function addResponderFromInput({ actor, incidentId, input }: { actor: Actor; incidentId: number; input: unknown }) {
  const data = parseInput(addResponderSchema, input);
  await addResponderWith(actor, incidentId, async (tx) => (await personFrom(tx, { id: data.userId, email: data.email }, { id: "userId", email: "email" }))!);
}

/** The person is looked up after the permission check, so a viewer learns nothing about who exists. */
async function addResponderWith(actor: Actor, incidentId: number, who: (tx: Tx) => Promise<Person>) {
  await transaction(async (tx) => {
    const incident = await editableIncident(tx, actor, incidentId, "manage-responders");
    const person = await who(tx);
    const userId = person.id;
    const already = (
      await tx
        .select()
        .from(incidentRoles)
        .where(and(eq(incidentRoles.incidentId, incidentId), eq(incidentRoles.userId, userId), eq(incidentRoles.role, "responder")))
    )[0];
    if (already) return;
    const now = Date.now();
    await tx.insert(incidentRoles).values({ incidentId, userId, role: "responder", assignedAt: now });
    await emitRolesChanged(tx, actor, incidentId, now);
    const self = actor.kind === "user" && actor.userId === userId;
    await writeTimelineEntry(
      tx,
      actor,
      {
        incidentId,
        kind: "role",
        body: self ? `${person.name} joined as a responder` : `${person.name} added as a responder`,
        meta: { field: "responder", from: null, to: person.email },
      },
      now,
    );
    await acknowledgeIfNeeded(tx, actor, incident, now);
    await refreshIncidentFacts(tx, incidentId);
    await recordAudit(tx, actor, { action: "incident.responder_add", entityType: "incident", entityId: incidentId, after: { email: person.email } }, now);
  });
}

/** Removes a responder named by user id, or (the API) by `person`: an id or an email; 404 when not a responder. */
export async function removeResponder({ actor, incidentId, userId, person: named }: { actor: Actor; incidentId: number; userId?: number; person?: string }) {
  await transaction(async (tx) => {
    await editableIncident(tx, actor, incidentId, "manage-responders");
    const byEmail = named !== undefined && named.includes("@");
    const id: number | undefined = named === undefined ? userId : /^\d{1,12}$/.test(named) ? Number(named) : undefined;
    const person = byEmail
      ? (await tx.select().from(users).where(eq(users.email, named!.trim().toLowerCase())))[0]
      : id !== undefined
        ? (await tx.select().from(users).where(eq(users.id, id)))[0]
        : undefined;
    if (!person) throw notFound("Responder");
    const removed = await tx
      .delete(incidentRoles)
      .where(and(eq(incidentRoles.incidentId, incidentId), eq(incidentRoles.userId, person.id), eq(incidentRoles.role, "responder")));
    if (changedRows(removed) === 0) throw notFound("Responder");
    const now = Date.now();
    await emitRolesChanged(tx, actor, incidentId, now);
    await writeTimelineEntry(
      tx,
      actor,
      {
        incidentId,
        kind: "role",
        body: `${person.name} removed from responders`,
        meta: { field: "responder", from: person.email, to: null },
      },
      now,
    );
    await refreshIncidentFacts(tx, incidentId);
    await recordAudit(tx, actor, { action: "incident.responder_remove", entityType: "incident", entityId: incidentId, before: { email: person.email } }, now);
  });
}
