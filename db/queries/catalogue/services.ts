import "server-only";
import { and, asc, desc, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import type { Actor } from "@/lib/actor";
import { notFound } from "@/lib/errors";
import { parseInput } from "@/lib/validation/parse";
import { listServicesSchema } from "@/lib/validation/service";
import type { BudgetResult, BudgetStatus } from "@/lib/error-budget";
import { getDb } from "../../client";
import { incidentServices, incidents, services, teams, type Service, type Slo } from "../../schema";
import type { Reader } from "../../types";
import { visibleTo } from "../../access/incidents";
import { findServiceBySlug, parseLinks, type ServiceLink } from "../../access/services";
import { budgetsFor, slosOfServices } from "../../access/slo-budgets";
import { likeInsensitive } from "../../dialect-sql";

export type { ServiceLink };
export type ServiceSummary = Omit<Service, "links"> & {
  links: ServiceLink[];
  teamName: string | null;
  openIncidents: number;
  sloCount: number;
  worstStatus: BudgetStatus | null;
};

const STATUS_ORDER: BudgetStatus[] = ["healthy", "at_risk", "exhausted"];
const worst = (statuses: BudgetStatus[]): BudgetStatus | null =>
  statuses.length ? statuses.reduce((a, b) => (STATUS_ORDER.indexOf(b) > STATUS_ORDER.indexOf(a) ? b : a)) : null;
const openStatuses = sql`('investigating','identified','monitoring')`;

async function openIncidentCounts(db: Reader, actor: Actor, serviceIds: number[]): Promise<Map<number, number>> {
  const map = new Map<number, number>();
  if (!serviceIds.length) return map;
  const visible = visibleTo(actor);
  const rows = await db
    .select({ serviceId: incidentServices.serviceId, n: sql<number>`count(*)` })
    .from(incidentServices)
    .innerJoin(incidents, eq(incidents.id, incidentServices.incidentId))
    // "+" keeps the planner off the service index: starting from the few open incidents (status index) is far cheaper.
    .where(and(inArray(sql`+${incidentServices.serviceId}`, serviceIds), sql`${incidents.status} IN ${openStatuses}`, ...(visible ? [visible] : [])))
    .groupBy(incidentServices.serviceId);
  for (const r of rows) map.set(r.serviceId, r.n);
  return map;
}

/** The catalogue: search and filters; every reader may list services (open-incident counts follow visibility). */
export async function listServices({ actor, query }: { actor: Actor; query: unknown }): Promise<ServiceSummary[]> {
  const filter = parseInput(listServicesSchema, query);
  const db = getDb();
  const conditions: SQL[] = [];
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(
      or(
        likeInsensitive(services.name, pattern),
        likeInsensitive(services.slug, pattern),
        likeInsensitive(services.description, pattern),
      )!,
    );
  }
  if (filter.team) conditions.push(eq(services.teamId, filter.team));
  if (filter.tier) conditions.push(eq(services.tier, filter.tier));
  const rows = await db
    .select({ service: services, teamName: teams.name })
    .from(services)
    .leftJoin(teams, eq(teams.id, services.teamId))
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(asc(services.tier), asc(services.name));
  const ids = rows.map((r) => r.service.id);
  const open = await openIncidentCounts(db, actor, ids);
  const sloRows = await slosOfServices(db, ids);
  const budgets = await budgetsFor(db, sloRows);
  let list = rows.map(({ service, teamName }) => {
    const mine = sloRows.filter((s) => s.serviceId === service.id);
    return {
      ...service,
      links: parseLinks(service.links),
      teamName,
      openIncidents: open.get(service.id) ?? 0,
      sloCount: mine.length,
      worstStatus: worst(mine.map((s) => budgets.get(s.id)!.status)),
    };
  });
  if (filter.openIncident) list = list.filter((s) => s.openIncidents > 0);
  if (filter.atRisk) list = list.filter((s) => s.worstStatus === "at_risk" || s.worstStatus === "exhausted");
  return list;
}

export type ServiceDetail = ServiceSummary & { slos: (Slo & { budget: BudgetResult })[] };

export async function getService({ actor, slug }: { actor: Actor; slug: string }): Promise<ServiceDetail> {
  const db = getDb();
  const service = await findServiceBySlug(db, slug);
  if (!service) throw notFound("Service");
  const teamName = service.teamId ? ((await db.select({ name: teams.name }).from(teams).where(eq(teams.id, service.teamId)))[0]?.name ?? null) : null;
  const sloRows = await slosOfServices(db, [service.id]);
  const budgets = await budgetsFor(db, sloRows);
  const withBudgets = sloRows.map((s) => ({ ...s, budget: budgets.get(s.id)! }));
  return {
    ...service,
    links: parseLinks(service.links),
    teamName,
    openIncidents: (await openIncidentCounts(db, actor, [service.id])).get(service.id) ?? 0,
    sloCount: sloRows.length,
    worstStatus: worst(withBudgets.map((s) => s.budget.status)),
    slos: withBudgets,
  };
}

/** A service's incidents the actor may see, newest first, `page` of `pageSize`. */
export async function serviceIncidents({
  actor,
  serviceId,
  open,
  page = 1,
  pageSize = 20,
}: {
  actor: Actor;
  serviceId: number;
  open?: boolean;
  page?: number;
  pageSize?: number;
}) {
  const db = getDb();
  const visible = visibleTo(actor);
  const where = and(
    eq(incidentServices.serviceId, serviceId),
    ...(open === undefined ? [] : [open ? sql`${incidents.status} IN ${openStatuses}` : sql`${incidents.status} NOT IN ${openStatuses}`]),
    ...(visible ? [visible] : []),
  );
  const total = (
    await db
      .select({ n: sql<number>`count(*)` })
      .from(incidentServices)
      .innerJoin(incidents, eq(incidents.id, incidentServices.incidentId))
      .where(where)
  )[0]!.n;
  const items = await db
    .select({ incident: incidents, impact: incidentServices.impact })
    .from(incidentServices)
    .innerJoin(incidents, eq(incidents.id, incidentServices.incidentId))
    .where(where)
    .orderBy(desc(incidents.declaredAt), desc(incidents.id))
    .limit(pageSize)
    .offset((Math.max(1, page) - 1) * pageSize);
  return { items, total, page: Math.max(1, page), pageSize };
}
