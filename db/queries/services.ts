import "server-only";
import { and, asc, desc, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import type { Actor } from "@/lib/actor";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { hasRole } from "@/lib/roles";
import { parseInput } from "@/lib/validation/parse";
import { createServiceSchema, listServicesSchema, RESPONDER_SERVICE_FIELDS, updateServiceSchema } from "@/lib/validation/service";
import type { BudgetResult, BudgetStatus } from "@/lib/error-budget";
import { getDb, type Db } from "../client";
import { incidentServices, incidents, services, teams, type Service, type Slo } from "../schema";
import { recordAudit } from "../access/audit";
import { visibleTo } from "../access/incidents";
import { budgetsFor, slosOfServices } from "../access/slo-budgets";

type Reader = Pick<Db, "select">;
export type ServiceLink = { label: string; url: string };
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
const parseLinks = (json: string): ServiceLink[] => {
  try {
    return JSON.parse(json) as ServiceLink[];
  } catch {
    return [];
  }
};
const openStatuses = sql`('investigating','identified','monitoring')`;

function openIncidentCounts(db: Reader, actor: Actor, serviceIds: number[]): Map<number, number> {
  const map = new Map<number, number>();
  if (!serviceIds.length) return map;
  const visible = visibleTo(actor);
  const rows = db
    .select({ serviceId: incidentServices.serviceId, n: sql<number>`count(*)` })
    .from(incidentServices)
    .innerJoin(incidents, eq(incidents.id, incidentServices.incidentId))
    .where(and(inArray(incidentServices.serviceId, serviceIds), sql`${incidents.status} IN ${openStatuses}`, ...(visible ? [visible] : [])))
    .groupBy(incidentServices.serviceId)
    .all();
  for (const r of rows) map.set(r.serviceId, r.n);
  return map;
}

/** The catalogue: search and filters; every reader may list services. */
export function listServices({ actor, query }: { actor: Actor; query: unknown }): ServiceSummary[] {
  const filter = parseInput(listServicesSchema, query);
  const db = getDb();
  const conditions: SQL[] = [];
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(or(sql`${services.name} LIKE ${pattern} ESCAPE '\\'`, sql`${services.slug} LIKE ${pattern} ESCAPE '\\'`, sql`${services.description} LIKE ${pattern} ESCAPE '\\'`)!);
  }
  if (filter.team) conditions.push(eq(services.teamId, filter.team));
  if (filter.tier) conditions.push(eq(services.tier, filter.tier));
  const rows = db
    .select({ service: services, teamName: teams.name })
    .from(services)
    .leftJoin(teams, eq(teams.id, services.teamId))
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(asc(services.tier), asc(services.name))
    .all();
  const ids = rows.map((r) => r.service.id);
  const open = openIncidentCounts(db, actor, ids);
  const sloRows = slosOfServices(db, ids);
  const budgets = budgetsFor(db, sloRows);
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

export function findServiceBySlug(db: Reader, slug: string): Service | undefined {
  return db.select().from(services).where(eq(services.slug, slug.trim().toLowerCase())).get();
}

export type ServiceDetail = ServiceSummary & { slos: (Slo & { budget: BudgetResult })[] };

export function getService({ actor, slug }: { actor: Actor; slug: string }): ServiceDetail {
  const db = getDb();
  const service = findServiceBySlug(db, slug);
  if (!service) throw notFound("Service");
  const teamName = service.teamId ? (db.select({ name: teams.name }).from(teams).where(eq(teams.id, service.teamId)).get()?.name ?? null) : null;
  const sloRows = slosOfServices(db, [service.id]);
  const budgets = budgetsFor(db, sloRows);
  const withBudgets = sloRows.map((s) => ({ ...s, budget: budgets.get(s.id)! }));
  return {
    ...service,
    links: parseLinks(service.links),
    teamName,
    openIncidents: openIncidentCounts(db, actor, [service.id]).get(service.id) ?? 0,
    sloCount: sloRows.length,
    worstStatus: worst(withBudgets.map((s) => s.budget.status)),
    slos: withBudgets,
  };
}

/** A service's incidents the actor may see, newest first, `page` of `pageSize`. */
export function serviceIncidents({ actor, serviceId, open, page = 1, pageSize = 20 }: { actor: Actor; serviceId: number; open?: boolean; page?: number; pageSize?: number }) {
  const db = getDb();
  const visible = visibleTo(actor);
  const where = and(
    eq(incidentServices.serviceId, serviceId),
    ...(open === undefined ? [] : [open ? sql`${incidents.status} IN ${openStatuses}` : sql`${incidents.status} NOT IN ${openStatuses}`]),
    ...(visible ? [visible] : []),
  );
  const total = db
    .select({ n: sql<number>`count(*)` })
    .from(incidentServices)
    .innerJoin(incidents, eq(incidents.id, incidentServices.incidentId))
    .where(where)
    .get()!.n;
  const items = db
    .select({ incident: incidents, impact: incidentServices.impact })
    .from(incidentServices)
    .innerJoin(incidents, eq(incidents.id, incidentServices.incidentId))
    .where(where)
    .orderBy(desc(incidents.declaredAt), desc(incidents.id))
    .limit(pageSize)
    .offset((Math.max(1, page) - 1) * pageSize)
    .all();
  return { items, total, page: Math.max(1, page), pageSize };
}

export function createService({ actor, input }: { actor: Actor; input: unknown }): Service {
  if (!hasRole(actor.role, "admin")) throw forbidden("Only admins can add services");
  const data = parseInput(createServiceSchema, input);
  return getDb().transaction(
    (tx) => {
      if (findServiceBySlug(tx, data.slug)) throw new AppError("conflict", `A service with slug "${data.slug}" already exists`, { slug: "This slug is taken" });
      if (data.teamId && !tx.select().from(teams).where(eq(teams.id, data.teamId)).get()) {
        throw new AppError("validation_failed", "No team with this id", { teamId: "No team with this id" });
      }
      const now = Date.now();
      const service = tx
        .insert(services)
        .values({
          slug: data.slug,
          name: data.name,
          description: data.description ?? "",
          teamId: data.teamId ?? null,
          tier: data.tier,
          runbookUrl: data.runbookUrl ?? null,
          links: JSON.stringify(data.links ?? []),
          createdAt: now,
          updatedAt: now,
        })
        .returning()
        .get();
      recordAudit(tx, actor, { action: "service.create", entityType: "service", entityId: service.slug, after: service }, now);
      return service;
    },
    { behavior: "immediate" },
  );
}

/** Admins change anything; responders only the description and links. Stale version → 409. */
export function updateService({ actor, slug, input }: { actor: Actor; slug: string; input: unknown }): Service {
  if (!hasRole(actor.role, "responder")) throw forbidden("Viewers cannot edit services");
  const data = parseInput(updateServiceSchema, input);
  if (!hasRole(actor.role, "admin")) {
    const adminOnly = Object.keys(data).filter((k) => k !== "version" && !(RESPONDER_SERVICE_FIELDS as readonly string[]).includes(k));
    if (adminOnly.length) throw forbidden(`Only admins can change ${adminOnly.join(", ")}; responders may edit the description and links`);
  }
  return getDb().transaction(
    (tx) => {
      const current = findServiceBySlug(tx, slug);
      if (!current) throw notFound("Service");
      if (current.version !== data.version) {
        throw new AppError("conflict", `This service was changed by someone else (now version ${current.version}).`, { version: "Stale version" }, {
          current: { ...current, links: parseLinks(current.links) },
        });
      }
      if (data.teamId && !tx.select().from(teams).where(eq(teams.id, data.teamId)).get()) {
        throw new AppError("validation_failed", "No team with this id", { teamId: "No team with this id" });
      }
      const changes: Partial<Service> = {};
      if (data.name !== undefined) changes.name = data.name;
      if (data.description !== undefined) changes.description = data.description;
      if (data.teamId !== undefined) changes.teamId = data.teamId;
      if (data.tier !== undefined) changes.tier = data.tier;
      if (data.runbookUrl !== undefined) changes.runbookUrl = data.runbookUrl;
      if (data.links !== undefined) changes.links = JSON.stringify(data.links);
      const now = Date.now();
      const updated = tx
        .update(services)
        .set({ ...changes, version: sql`${services.version} + 1`, updatedAt: now })
        .where(and(eq(services.id, current.id), eq(services.version, current.version)))
        .returning()
        .get();
      if (!updated) throw new AppError("conflict", "This service was changed by someone else.", { version: "Stale version" });
      recordAudit(tx, actor, { action: "service.update", entityType: "service", entityId: current.slug, before: current, after: updated }, now);
      return updated;
    },
    { behavior: "immediate" },
  );
}

export function serviceLinks(service: Service): ServiceLink[] {
  return parseLinks(service.links);
}

