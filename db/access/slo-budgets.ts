import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Actor } from "@/lib/actor";
import { burnDown, computeBudget, impactEnd, type BudgetResult, type ImpactLevel, type ImpactWindow } from "@/lib/error-budget";
import { incidentServices, incidents, sloSpendOverrides, slos, type Slo } from "../schema";
import type { Reader } from "../types";
import { visibleTo } from "./incidents";

/** A day in ms: budget windows and due-date cut-offs are counted in days. */
export const DAY = 24 * 60 * 60 * 1000;
/** SLO windows are at most 90 days, so older incidents never spend. */
export const MAX_WINDOW_DAYS = 90;
/** Stands for "not ended yet" in incidents_impact_end_idx (Number.MAX_SAFE_INTEGER). */
const OPEN_IMPACT_END = 9007199254740991;

export type ImpactRow = {
  incidentId: number;
  serviceId: number;
  impact: ImpactLevel;
  startedAt: number;
  mitigatedAt: number | null;
  resolvedAt: number | null;
  drill: boolean;
};

/** Links of incidents whose impact overlaps [since, now] on the given services. */
export function loadImpacts(db: Reader, serviceIds: number[], since: number, now: number): ImpactRow[] {
  if (serviceIds.length === 0) return [];
  return db
    .select({
      incidentId: incidentServices.incidentId,
      serviceId: incidentServices.serviceId,
      impact: incidentServices.impact,
      startedAt: incidents.startedAt,
      mitigatedAt: incidents.mitigatedAt,
      resolvedAt: incidents.resolvedAt,
      drill: incidents.drill,
    })
    .from(incidentServices)
    .innerJoin(incidents, eq(incidents.id, incidentServices.incidentId))
    .where(
      and(
        // "+" keeps the planner off the service index: the impact-end index narrows far more.
        sql`+${incidentServices.serviceId} IN (${sql.join(
          serviceIds.map((id) => sql`${id}`),
          sql`, `,
        )})`,
        sql`${incidents.startedAt} < ${now}`,
        // Still open counts as ending in the future; written as the index expression (incidents_impact_end_idx).
        sql`coalesce(${incidents.mitigatedAt}, ${incidents.resolvedAt}, ${sql.raw(String(OPEN_IMPACT_END))}) >= ${since}`,
      ),
    )
    .all();
}

export type OverrideRow = { incidentId: number; sloId: number; minutes: number; reason: string; at: number };

export function loadOverrides(db: Reader, sloIds: number[]): Map<string, OverrideRow> {
  const map = new Map<string, OverrideRow>();
  if (sloIds.length === 0) return map;
  const rows = db
    .select({
      incidentId: sloSpendOverrides.incidentId,
      sloId: sloSpendOverrides.sloId,
      minutes: sloSpendOverrides.minutes,
      reason: sloSpendOverrides.reason,
      at: sloSpendOverrides.at,
    })
    .from(sloSpendOverrides)
    .where(inArray(sloSpendOverrides.sloId, sloIds))
    .all();
  for (const row of rows) map.set(`${row.incidentId}:${row.sloId}`, row);
  return map;
}

export function impactWindowsFor(slo: Pick<Slo, "id" | "serviceId">, impacts: ImpactRow[], overrides: Map<string, OverrideRow>): ImpactWindow[] {
  return impacts
    .filter((i) => i.serviceId === slo.serviceId)
    .map((i) => ({
      incidentId: i.incidentId,
      startedAt: i.startedAt,
      endedAt: impactEnd(i),
      impact: i.impact,
      drill: i.drill,
      overrideMinutes: overrides.get(`${i.incidentId}:${slo.id}`)?.minutes ?? null,
    }));
}

/** Budget figures for many SLOs with two queries. */
export function budgetsFor(db: Reader, sloRows: Slo[], now = Date.now()): Map<number, BudgetResult> {
  const impacts = loadImpacts(db, [...new Set(sloRows.map((s) => s.serviceId))], now - MAX_WINDOW_DAYS * DAY, now);
  const overrides = loadOverrides(
    db,
    sloRows.map((s) => s.id),
  );
  const result = new Map<number, BudgetResult>();
  for (const slo of sloRows) {
    result.set(slo.id, computeBudget({ objective: slo.objective, windowDays: slo.windowDays, impacts: impactWindowsFor(slo, impacts, overrides), now }));
  }
  return result;
}

export function burnDownFor(db: Reader, slo: Slo, now = Date.now()) {
  const impacts = loadImpacts(db, [slo.serviceId], now - slo.windowDays * DAY, now);
  const overrides = loadOverrides(db, [slo.id]);
  return burnDown({ objective: slo.objective, windowDays: slo.windowDays, impacts: impactWindowsFor(slo, impacts, overrides), now });
}

/** Titles for incidents the actor may see; the rest show as "Private incident". */
export function visibleIncidentTitles(db: Reader, actor: Actor, ids: number[]): Map<number, { title: string; severity: string; status: string }> {
  const map = new Map<number, { title: string; severity: string; status: string }>();
  if (ids.length === 0) return map;
  const visible = visibleTo(actor);
  const rows = db
    .select({ id: incidents.id, title: incidents.title, severity: incidents.severity, status: incidents.status })
    .from(incidents)
    .where(visible ? and(inArray(incidents.id, ids), visible) : inArray(incidents.id, ids))
    .all();
  for (const { id, ...rest } of rows) map.set(id, rest);
  return map;
}

export function slosOfServices(db: Reader, serviceIds: number[]): Slo[] {
  if (serviceIds.length === 0) return [];
  return db.select().from(slos).where(inArray(slos.serviceId, serviceIds)).orderBy(slos.id).all();
}
