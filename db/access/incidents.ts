import "server-only";
import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import type { Actor } from "@/lib/actor";
import { notFound } from "@/lib/errors";
import { can, requirePermission, type Action, type IncidentAccessFacts } from "@/lib/policy";
import { alerts, incidentRoles, incidentServices, incidents, services, teamMembers, users, type Incident } from "../schema";
import type { Reader, Writer } from "../types";
import { refreshIncidentFacts } from "./incident-facts";
import { emitIncidentUpdated } from "./event-payloads";
import { isFalse } from "../dialect-sql";

/**
 * Who may see an incident. A private incident exists only for admins, its declarer, the
 * people holding a role on it and the teams owning affected services; to everyone else it
 * is a 404, in lists and search too.
 */
export function visibleTo(actor: Actor): SQL | undefined {
  if (can(actor, "incident", "see-private")) return undefined;
  // A token is not a person, but the one that declared a private incident must see what it created
  // (else its own POST would answer 404 after storing the incident).
  if (actor.kind === "token") return sql`(${isFalse(incidents.private)} OR ${incidents.createdByTokenId} = ${actor.tokenId})`;
  // An integration sees public incidents and those its own alerts went to (a private one keeps taking its alerts).
  if (actor.kind === "integration")
    return sql`(${isFalse(incidents.private)} OR EXISTS (SELECT 1 FROM ${alerts} WHERE ${alerts.incidentId} = ${incidents.id} AND ${alerts.integrationId} = ${actor.integrationId}))`;
  // DESIGN.md: also visible to the teams owning the services it affects.
  return sql`(${isFalse(incidents.private)} OR ${incidents.createdById} = ${actor.userId} OR EXISTS (
    SELECT 1 FROM ${incidentRoles} WHERE ${incidentRoles.incidentId} = ${incidents.id} AND ${incidentRoles.userId} = ${actor.userId}) OR EXISTS (
    SELECT 1 FROM ${incidentServices} JOIN ${services} ON ${services.id} = ${incidentServices.serviceId}
      JOIN ${teamMembers} ON ${teamMembers.teamId} = ${services.teamId}
    WHERE ${incidentServices.incidentId} = ${incidents.id} AND ${teamMembers.userId} = ${actor.userId}))`;
}

/**
 * The facts `canReadIncident` (lib/policy.ts) decides on, read for one incident: the same
 * rule `visibleTo` expresses in SQL (db/access/visibility.test.ts checks they agree).
 */
export async function incidentAccessFacts(
  db: Reader,
  actor: Actor,
  incident: Pick<Incident, "id" | "private" | "createdById" | "createdByTokenId">,
): Promise<IncidentAccessFacts> {
  if (!incident.private) return { private: false, involved: false };
  if (actor.kind === "token") return { private: true, involved: incident.createdByTokenId === actor.tokenId };
  if (actor.kind === "integration") {
    const alerted = (
      await db
        .select({ one: sql`1` })
        .from(alerts)
        .where(and(eq(alerts.incidentId, incident.id), eq(alerts.integrationId, actor.integrationId)))
    )[0];
    return { private: true, involved: Boolean(alerted) };
  }
  if (incident.createdById === actor.userId) return { private: true, involved: true };
  const holdsRole = (
    await db
      .select({ one: sql`1` })
      .from(incidentRoles)
      .where(and(eq(incidentRoles.incidentId, incident.id), eq(incidentRoles.userId, actor.userId)))
  )[0];
  const onOwningTeam = (
    await db
      .select({ one: sql`1` })
      .from(incidentServices)
      .innerJoin(services, eq(services.id, incidentServices.serviceId))
      .innerJoin(teamMembers, eq(teamMembers.teamId, services.teamId))
      .where(and(eq(incidentServices.incidentId, incident.id), eq(teamMembers.userId, actor.userId)))
  )[0];
  return { private: true, involved: Boolean(holdsRole || onOwningTeam) };
}

/** `column IN (ids of these incidents the actor may see)`: for per-incident facts read in bulk. */
export function amongVisible(db: Reader, actor: Actor, column: SQLiteColumn, incidentIds: number[]): SQL {
  const visible = visibleTo(actor);
  const among = inArray(incidents.id, incidentIds);
  return inArray(
    column,
    db
      .select({ id: incidents.id })
      .from(incidents)
      .where(visible ? and(among, visible) : among),
  );
}

export async function findVisibleIncident(db: Reader, actor: Actor, incidentId: number): Promise<Incident | undefined> {
  const visible = visibleTo(actor);
  return (
    await db
      .select()
      .from(incidents)
      .where(visible ? and(eq(incidents.id, incidentId), visible) : eq(incidents.id, incidentId))
  )[0];
}

/** The incident when the actor may see it; otherwise a 404 (it does not exist for them). */
export async function readableIncident(db: Reader, actor: Actor, incidentId: number): Promise<Incident> {
  const incident = await findVisibleIncident(db, actor, incidentId);
  if (!incident) throw notFound();
  return incident;
}

/** For a change: 404 when the actor may not see the incident, then the policy's 403 for `action`. */
export async function editableIncident(db: Reader, actor: Actor, incidentId: number, action: Action<"incident">): Promise<Incident> {
  const incident = await readableIncident(db, actor, incidentId);
  requirePermission(actor, "incident", action);
  return incident;
}

/** The first action by a person on an incident acknowledges it (DESIGN.md: acknowledgedAt). */
export async function acknowledgeIfNeeded(tx: Writer, actor: Actor, incident: Incident, now: number) {
  if (incident.acknowledgedAt !== null || actor.kind !== "user") return;
  await tx
    .update(incidents)
    .set({ acknowledgedAt: now, acknowledgedAtSource: "status_change", version: sql`${incidents.version} + 1`, updatedAt: now })
    .where(eq(incidents.id, incident.id));
  await refreshIncidentFacts(tx, incident.id);
  await emitIncidentUpdated(tx, actor, incident.id, ["acknowledgedAt", "acknowledgedAtSource"], now);
}

export type IncidentRoleName = "commander" | "communications" | "scribe" | "responder";
export type RolePerson = { userId: number; name: string; email: string; role: IncidentRoleName };

export async function rolesOf(db: Reader, incidentIds: number[]): Promise<Map<number, RolePerson[]>> {
  if (incidentIds.length === 0) return new Map();
  const rows = await db
    .select({
      incidentId: incidentRoles.incidentId,
      userId: users.id,
      name: users.name,
      email: users.email,
      role: incidentRoles.role,
    })
    .from(incidentRoles)
    .innerJoin(users, eq(users.id, incidentRoles.userId))
    .where(
      sql`${incidentRoles.incidentId} IN (${sql.join(
        incidentIds.map((id) => sql`${id}`),
        sql`, `,
      )})`,
    )
    .orderBy(incidentRoles.assignedAt);
  return groupByIncident(rows);
}

/** Rows grouped by their incident, in row order, without the `incidentId` field. */
export function groupByIncident<R extends { incidentId: number }>(rows: R[]): Map<number, Omit<R, "incidentId">[]> {
  const map = new Map<number, Omit<R, "incidentId">[]>();
  for (const { incidentId, ...rest } of rows) map.set(incidentId, [...(map.get(incidentId) ?? []), rest]);
  return map;
}
