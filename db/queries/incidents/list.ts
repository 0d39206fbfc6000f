import "server-only";
import { and, asc, desc, eq, gte, inArray, lt, or, sql, type SQL } from "drizzle-orm";
import type { Actor } from "@/lib/actor";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/parse";
import { listIncidentsSchema } from "@/lib/validation/incident";
import { decodeCursor, encodeCursor } from "@/lib/cursor";
import { addDays, startOfDayIn } from "@/lib/insights/params";
import { getDb } from "../../client";
import { incidentRoles, incidentServices, incidents, openRankOf, services, teams, type Incident } from "../../schema";
import { readOrgTimeZone as getOrgTimeZone } from "../../access/settings";
import { amongVisible, groupByIncident, rolesOf, visibleTo } from "../../access/incidents";
import { likeInsensitive } from "../../dialect-sql";

export type IncidentListItem = Incident & { commander: { name: string; email: string } | null };

const OPEN: Incident["status"][] = ["investigating", "identified", "monitoring"];
const CLOSED: Incident["status"][] = ["resolved", "closed"];
const rankOf = (status: Incident["status"]) => (OPEN.includes(status) ? 1 : 0);

export async function listIncidents({ actor, query }: { actor: Actor; query: unknown }) {
  const filter = parseInput(listIncidentsSchema, query);
  const conditions: SQL[] = [];
  const visible = visibleTo(actor);
  if (visible) conditions.push(visible);
  if (filter.severity)
    conditions.push(filter.severity.length === 1 ? eq(incidents.severity, filter.severity[0]!) : inArray(incidents.severity, filter.severity));
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const ref = /^inc-(\d+)$/i.exec(filter.q);
    conditions.push(
      or(
        likeInsensitive(incidents.title, pattern),
        likeInsensitive(incidents.summary, pattern),
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
    const timeZone = await getOrgTimeZone(db);
    if (filter.from) conditions.push(gte(incidents.startedAt, startOfDayIn(timeZone, filter.from)));
    if (filter.to) conditions.push(lt(incidents.startedAt, startOfDayIn(timeZone, addDays(filter.to, 1))));
  }
  if (filter.team !== undefined) {
    if (!(await db.select({ id: teams.id }).from(teams).where(eq(teams.id, filter.team)))[0]) {
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
  const c = filter.cursor ? decodeCursor(filter.cursor) : null;
  if (filter.cursor && !c) throw new AppError("validation_failed", "cursor is not valid; use nextCursor from a previous page", { cursor: "Invalid cursor" });
  const olderThanCursor = c ? [sql`(${incidents.declaredAt} < ${c.at} OR (${incidents.declaredAt} = ${c.at} AND ${incidents.id} < ${c.id}))`] : [];
  // Open incidents first, then the rest; newest first within each. Every status: read in that
  // order from incidents_list_order_idx. Some statuses: one read per status in declared order
  // (incidents_status_idx), merged; SQLite would otherwise sort every incident of those statuses.
  const openRank = openRankOf(incidents.status);
  const readAll = async () =>
    await db
      .select()
      .from(incidents)
      .where(and(...conditions, ...(c ? [sql`(${openRank} < ${c.rank} OR (${openRank} = ${c.rank} AND ${olderThanCursor[0]}))`] : [])))
      .orderBy(desc(openRank), desc(incidents.declaredAt), desc(incidents.id))
      .limit(filter.limit + 1);
  const readStatus = async (status: Incident["status"]) => {
    const rank = rankOf(status);
    if (c && rank > c.rank) return [];
    return await db
      .select()
      .from(incidents)
      .where(and(...conditions, eq(incidents.status, status), ...(c && rank === c.rank ? olderThanCursor : [])))
      .orderBy(desc(incidents.declaredAt), desc(incidents.id))
      .limit(filter.limit + 1);
  };
  const statuses = filter.status === "active" ? OPEN : filter.status === "inactive" ? CLOSED : filter.status ? [filter.status] : null;
  const perStatus: Incident[] = [];
  if (statuses) for (const status of statuses) perStatus.push(...(await readStatus(status)));
  const rows = statuses
    ? perStatus.sort((a, b) => rankOf(b.status) - rankOf(a.status) || b.declaredAt - a.declaredAt || b.id - a.id).slice(0, filter.limit + 1)
    : await readAll();
  const page = rows.slice(0, filter.limit);
  const roles = await rolesOf(
    db,
    page.map((i) => i.id),
  );
  const items: IncidentListItem[] = page.map((incident) => {
    const commander = roles.get(incident.id)?.find((p) => p.role === "commander");
    return { ...incident, commander: commander ? { name: commander.name, email: commander.email } : null };
  });
  const last = page[page.length - 1];
  const nextCursor = rows.length > filter.limit && last ? encodeCursor({ rank: rankOf(last.status), at: last.declaredAt, id: last.id }) : null;
  return { items, nextCursor };
}

export type IncidentServiceName = { slug: string; name: string };

/**
 * The services linked to each of a page of incidents (most critical tier first), for lists.
 * Incidents the actor may not see are left out.
 */
export async function serviceNamesFor({ actor, incidentIds }: { actor: Actor; incidentIds: number[] }): Promise<Map<number, IncidentServiceName[]>> {
  if (incidentIds.length === 0) return new Map();
  const db = getDb();
  const rows = await db
    .select({ incidentId: incidentServices.incidentId, slug: services.slug, name: services.name })
    .from(incidentServices)
    .innerJoin(services, eq(services.id, incidentServices.serviceId))
    .where(amongVisible(db, actor, incidentServices.incidentId, incidentIds))
    .orderBy(asc(services.tier), asc(services.name));
  return groupByIncident(rows);
}
