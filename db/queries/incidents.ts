import "server-only";
import { and, desc, eq, gte, inArray, like, lt, or, sql, type SQL } from "drizzle-orm";
import type { Actor } from "@/lib/actor";
import { actorKey } from "@/lib/actor";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { canonicalJsonHash } from "@/lib/canonical-json";
import { hasRole } from "@/lib/roles";
import { parseInput } from "@/lib/validation/parse";
import { declareIncidentSchema, listIncidentsSchema, updateIncidentSchema } from "@/lib/validation/incident";
import { timestampOrderErrors } from "@/lib/incident-timestamps";
import { decodeCursor, encodeCursor } from "@/lib/cursor";
import { getDb, type Db } from "../client";
import type { ImpactLevel } from "@/lib/error-budget";
import { addDays, startOfDayIn } from "@/lib/insights/params";
import { idempotencyKeys, incidentRoles, incidentServices, incidents, services, teams, type Incident } from "../schema";
import { getOrgTimeZone } from "./settings";
import { recordAudit } from "../access/audit";
import { writeTimelineEntry } from "../access/timeline";
import { findVisibleIncident, rolesOf, visibleTo, type IncidentRoleName, type RolePerson } from "../access/incidents";
import { applyIncidentUpdate } from "./incident-update";
import { linkServiceInTx, linkedServices } from "./incident-services";
import { applyMatchingPlaybooks } from "./checklist";

export type { IncidentRoleName, RolePerson };
export type AffectedService = { slug: string; name: string; impact: ImpactLevel };
export type IncidentDetail = Incident & { people: RolePerson[]; services: AffectedService[] };

/** An incident with its people and affected services: the shape pages and the API read. */
export function incidentDetail(db: Pick<Db, "select">, incident: Incident): IncidentDetail {
  return {
    ...incident,
    people: rolesOf(db, [incident.id]).get(incident.id) ?? [],
    services: linkedServices(db, incident.id).map(({ slug, name, impact }) => ({ slug, name, impact })),
  };
}

const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

export function getIncident({ actor, incidentId }: { actor: Actor; incidentId: number }): IncidentDetail {
  const db = getDb();
  const incident = findVisibleIncident(db, actor, incidentId);
  if (!incident) throw notFound();
  return incidentDetail(db, incident);
}

/**
 * Declares an incident: the declaring person becomes commander (and so acknowledges it).
 * With an idempotency key, a retry with the same body (as canonical JSON) returns the incident the
 * first request created; the same key with a different body is a 422.
 */
export function declareIncident({
  actor,
  input,
  idempotencyKey,
}: {
  actor: Actor;
  input: unknown;
  idempotencyKey?: string | null;
}): { incident: IncidentDetail; replayed: boolean } {
  if (!hasRole(actor.role, "responder")) throw forbidden("Viewers cannot declare incidents");
  const data = parseInput(declareIncidentSchema, input);
  if (idempotencyKey !== undefined && idempotencyKey !== null && (idempotencyKey.length < 1 || idempotencyKey.length > 200)) {
    throw new AppError("validation_failed", "Idempotency-Key must be 1–200 characters", { "Idempotency-Key": "Must be 1–200 characters" });
  }
  const now = Date.now();
  const startedAt = data.startedAt ?? now;
  const detectedAt = data.detectedAt ?? (data.startedAt !== undefined ? now : startedAt);
  const problems = timestampOrderErrors(
    { startedAt, detectedAt, declaredAt: now, acknowledgedAt: null, mitigatedAt: null, resolvedAt: null, closedAt: null },
    now,
  );
  if (Object.keys(problems).length) {
    throw new AppError("validation_failed", Object.values(problems).join("; "), problems as Record<string, string>);
  }
  const requestHash = idempotencyKey ? canonicalJsonHash(input) : null;
  const db = getDb();
  const result = db.transaction(
    (tx) => {
      if (idempotencyKey) {
        tx.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, now - IDEMPOTENCY_TTL_MS)).run();
        const seen = tx
          .select({ incidentId: idempotencyKeys.incidentId, requestHash: idempotencyKeys.requestHash })
          .from(idempotencyKeys)
          .where(and(eq(idempotencyKeys.actorKey, actorKey(actor)), eq(idempotencyKeys.key, idempotencyKey)))
          .get();
        // Rows kept before request hashes were stored (null) count as the same request.
        if (seen && seen.requestHash !== null && seen.requestHash !== requestHash) {
          throw new AppError(
            "unprocessable",
            "This Idempotency-Key was already used with a different request body; send a new Idempotency-Key for a new incident",
            { "Idempotency-Key": "Already used with a different body" },
          );
        }
        if (seen) return { incidentId: seen.incidentId, replayed: true };
      }
      const person = actor.kind === "user";
      const incident = tx
        .insert(incidents)
        .values({
          title: data.title,
          summary: data.summary ?? "",
          severity: data.severity,
          status: "investigating",
          private: data.private ?? false,
          drill: data.drill ?? false,
          startedAt,
          startedAtSource: data.startedAt !== undefined ? "backdated" : "status_change",
          detectedAt,
          detectedAtSource: data.detectedAt !== undefined ? "manual" : "status_change",
          declaredAt: now,
          acknowledgedAt: person ? now : null,
          acknowledgedAtSource: person ? "status_change" : null,
          createdById: person ? actor.userId : null,
          createdByTokenId: actor.kind === "token" ? actor.tokenId : null,
          updatedAt: now,
        })
        .returning()
        .get();
      if (person) {
        tx.insert(incidentRoles).values({ incidentId: incident.id, userId: actor.userId, role: "commander", assignedAt: now }).run();
      }
      const flags = [incident.private ? "private" : null, incident.drill ? "drill" : null].filter(Boolean);
      writeTimelineEntry(
        tx,
        actor,
        {
          incidentId: incident.id,
          kind: "status",
          body: `Declared ${data.severity} incident${flags.length ? ` (${flags.join(", ")})` : ""}: ${data.title}${
            person ? `. ${actor.name} is incident commander.` : ""
          }`,
          meta: { field: "status", from: null, to: "investigating" },
          highlighted: true,
        },
        now,
      );
      data.services?.forEach((link, index) => linkServiceInTx(tx, actor, incident, link.service, link.impact, now, `services.${index}.service`));
      const serviceIds = data.services?.length ? linkedServices(tx, incident.id).map((s) => s.serviceId) : [];
      applyMatchingPlaybooks(tx, actor, incident, serviceIds, now);
      if (idempotencyKey) {
        tx.insert(idempotencyKeys).values({ actorKey: actorKey(actor), key: idempotencyKey, incidentId: incident.id, createdAt: now, requestHash }).run();
      }
      recordAudit(tx, actor, { action: "incident.declare", entityType: "incident", entityId: incident.id, after: incident }, now);
      return { incidentId: incident.id, replayed: false };
    },
    { behavior: "immediate" },
  );
  return { incident: getIncident({ actor, incidentId: result.incidentId }), replayed: result.replayed };
}

export type IncidentListItem = Incident & { commander: { name: string; email: string } | null };

export function listIncidents({ actor, query }: { actor: Actor; query: unknown }) {
  const filter = parseInput(listIncidentsSchema, query);
  const conditions: SQL[] = [];
  const visible = visibleTo(actor);
  if (visible) conditions.push(visible);
  if (filter.status === "active") conditions.push(sql`${incidents.status} IN ('investigating','identified','monitoring')`);
  else if (filter.status === "inactive") conditions.push(sql`${incidents.status} IN ('resolved','closed')`);
  else if (filter.status) conditions.push(eq(incidents.status, filter.status));
  if (filter.severity) conditions.push(filter.severity.length === 1 ? eq(incidents.severity, filter.severity[0]!) : inArray(incidents.severity, filter.severity));
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const ref = /^inc-(\d+)$/i.exec(filter.q);
    conditions.push(
      or(
        sql`${incidents.title} LIKE ${pattern} ESCAPE '\\'`,
        sql`${incidents.summary} LIKE ${pattern} ESCAPE '\\'`,
        ...(ref ? [eq(incidents.id, Number(ref[1]))] : []),
      )!,
    );
  }
  if (filter.service) {
    conditions.push(
      sql`EXISTS (SELECT 1 FROM ${incidentServices} JOIN ${services} ON ${services.id} = ${incidentServices.serviceId} WHERE ${incidentServices.incidentId} = ${incidents.id} AND ${services.slug} = ${filter.service})`,
    );
  }
  const db = getDb();
  if (filter.from || filter.to) {
    // Calendar days of the organisation: from its midnight at the start of `from` to the one after `to`.
    const timeZone = getOrgTimeZone(db);
    if (filter.from) conditions.push(gte(incidents.startedAt, startOfDayIn(timeZone, filter.from)));
    if (filter.to) conditions.push(lt(incidents.startedAt, startOfDayIn(timeZone, addDays(filter.to, 1))));
  }
  if (filter.team !== undefined) {
    if (!db.select({ id: teams.id }).from(teams).where(eq(teams.id, filter.team)).get()) {
      throw new AppError("validation_failed", `Unknown team ${filter.team}`, { team: `Unknown team ${filter.team}` });
    }
    conditions.push(
      sql`EXISTS (SELECT 1 FROM ${incidentServices} JOIN ${services} ON ${services.id} = ${incidentServices.serviceId} WHERE ${incidentServices.incidentId} = ${incidents.id} AND ${services.teamId} = ${filter.team})`,
    );
  }
  if (filter.drill !== undefined) conditions.push(eq(incidents.drill, filter.drill));
  if (filter.mine && actor.kind === "user") {
    conditions.push(
      sql`EXISTS (SELECT 1 FROM ${incidentRoles} WHERE ${incidentRoles.incidentId} = ${incidents.id} AND ${incidentRoles.userId} = ${actor.userId})`,
    );
  }
  // Open incidents first, then the rest; newest first within each.
  const openRank = sql<number>`CASE WHEN ${incidents.status} IN ('investigating','identified','monitoring') THEN 1 ELSE 0 END`;
  if (filter.cursor) {
    const c = decodeCursor(filter.cursor);
    if (!c) throw new AppError("validation_failed", "cursor is not valid; use nextCursor from a previous page", { cursor: "Invalid cursor" });
    conditions.push(
      sql`(${openRank} < ${c.rank} OR (${openRank} = ${c.rank} AND (${incidents.declaredAt} < ${c.at} OR (${incidents.declaredAt} = ${c.at} AND ${incidents.id} < ${c.id}))))`,
    );
  }
  const rows = db
    .select()
    .from(incidents)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(openRank), desc(incidents.declaredAt), desc(incidents.id))
    .limit(filter.limit + 1)
    .all();
  const page = rows.slice(0, filter.limit);
  const roles = rolesOf(db, page.map((i) => i.id));
  const items: IncidentListItem[] = page.map((incident) => {
    const commander = roles.get(incident.id)?.find((p) => p.role === "commander");
    return { ...incident, commander: commander ? { name: commander.name, email: commander.email } : null };
  });
  const last = page[page.length - 1];
  const nextCursor =
    rows.length > filter.limit && last
      ? encodeCursor({ rank: ["investigating", "identified", "monitoring"].includes(last.status) ? 1 : 0, at: last.declaredAt, id: last.id })
      : null;
  return { items, nextCursor };
}

/** Applies a versioned change; a stale version gets 409 with the current incident. */
export function updateIncident({ actor, incidentId, input }: { actor: Actor; incidentId: number; input: unknown }): IncidentDetail {
  const data = parseInput(updateIncidentSchema, input);
  getDb().transaction((tx) => applyIncidentUpdate(tx, actor, incidentId, data), { behavior: "immediate" });
  return getIncident({ actor, incidentId });
}

export { findVisibleIncident };
