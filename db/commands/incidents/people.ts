import "server-only";
import { and, eq } from "drizzle-orm";
import type { Actor } from "@/lib/actor";
import { AppError, notFound } from "@/lib/errors";
import { getDb } from "../../client";
import { incidentRoles, users } from "../../schema";
import { recordAudit } from "../../access/audit";
import { writeTimelineEntry } from "../../access/timeline";
import { acknowledgeIfNeeded, editableIncident } from "../../access/incidents";
import { emitRolesChanged } from "../events/emit";

/** Adds a person to an incident's responders (besides commander, comms lead and scribe). */
export function addResponder({ actor, incidentId, userId }: { actor: Actor; incidentId: number; userId: number }) {
  if (!Number.isSafeInteger(userId) || userId <= 0) throw new AppError("validation_failed", "Pick a person", { userId: "Pick a person" });
  getDb().transaction(
    (tx) => {
      const incident = editableIncident(tx, actor, incidentId, "manage-responders");
      const person = tx.select().from(users).where(eq(users.id, userId)).get();
      if (!person || person.disabled) throw new AppError("validation_failed", "No active user with this id", { userId: "No active user" });
      const already = tx
        .select()
        .from(incidentRoles)
        .where(and(eq(incidentRoles.incidentId, incidentId), eq(incidentRoles.userId, userId), eq(incidentRoles.role, "responder")))
        .get();
      if (already) return;
      const now = Date.now();
      tx.insert(incidentRoles).values({ incidentId, userId, role: "responder", assignedAt: now }).run();
      emitRolesChanged(tx, actor, incidentId, now);
      const self = actor.kind === "user" && actor.userId === userId;
      writeTimelineEntry(
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
      acknowledgeIfNeeded(tx, actor, incident, now);
      recordAudit(tx, actor, { action: "incident.responder_add", entityType: "incident", entityId: incidentId, after: { email: person.email } }, now);
    },
    { behavior: "immediate" },
  );
}

export function removeResponder({ actor, incidentId, userId }: { actor: Actor; incidentId: number; userId: number }) {
  getDb().transaction(
    (tx) => {
      editableIncident(tx, actor, incidentId, "manage-responders");
      const person = tx.select().from(users).where(eq(users.id, userId)).get();
      const removed = tx
        .delete(incidentRoles)
        .where(and(eq(incidentRoles.incidentId, incidentId), eq(incidentRoles.userId, userId), eq(incidentRoles.role, "responder")))
        .run();
      if (removed.changes === 0 || !person) throw notFound("Responder");
      const now = Date.now();
      emitRolesChanged(tx, actor, incidentId, now);
      writeTimelineEntry(
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
      recordAudit(tx, actor, { action: "incident.responder_remove", entityType: "incident", entityId: incidentId, before: { email: person.email } }, now);
    },
    { behavior: "immediate" },
  );
}
