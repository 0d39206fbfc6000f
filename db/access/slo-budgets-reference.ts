import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { burnDown, computeBudget, impactEnd, statusPushedBy, type BudgetResult, type ImpactLevel, type ImpactWindow } from "@/lib/error-budget";
import { OPEN_END } from "@/lib/spend-sweep";
import { incidentServices, incidents, sloSpendOverrides, type Slo } from "../schema";
import type { Reader } from "../types";

/**
 * The reference computation of error budgets: every impact of the service in the window, swept
 * on each call (lib/error-budget.ts). The pages read the stored segments (slo-budgets.ts); the
 * property tests check both agree, so this stays as the oracle.
 */

const DAY = 24 * 60 * 60 * 1000;
const MAX_WINDOW_DAYS = 90;

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
export async function loadImpacts(db: Reader, serviceIds: number[], since: number, now: number): Promise<ImpactRow[]> {
  if (serviceIds.length === 0) return [];
  return await db
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
        sql`coalesce(${incidents.mitigatedAt}, ${incidents.resolvedAt}, ${sql.raw(String(OPEN_END))}) >= ${since}`,
      ),
    );
}

export type OverrideRow = { incidentId: number; sloId: number; minutes: number; reason: string; at: number };

export async function loadOverrides(db: Reader, sloIds: number[]): Promise<Map<string, OverrideRow>> {
  const map = new Map<string, OverrideRow>();
  if (sloIds.length === 0) return map;
  const rows = await db
    .select({
      incidentId: sloSpendOverrides.incidentId,
      sloId: sloSpendOverrides.sloId,
      minutes: sloSpendOverrides.minutes,
      reason: sloSpendOverrides.reason,
      at: sloSpendOverrides.at,
    })
    .from(sloSpendOverrides)
    .where(inArray(sloSpendOverrides.sloId, sloIds));
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

export async function referenceBudgetsFor(db: Reader, sloRows: Slo[], now: number): Promise<Map<number, BudgetResult>> {
  const impacts = await loadImpacts(db, [...new Set(sloRows.map((s) => s.serviceId))], now - MAX_WINDOW_DAYS * DAY, now);
  const overrides = await loadOverrides(
    db,
    sloRows.map((s) => s.id),
  );
  const result = new Map<number, BudgetResult>();
  for (const slo of sloRows) {
    result.set(slo.id, computeBudget({ objective: slo.objective, windowDays: slo.windowDays, impacts: impactWindowsFor(slo, impacts, overrides), now }));
  }
  return result;
}

export async function referenceBurnDownFor(db: Reader, slo: Slo, now: number) {
  const impacts = await loadImpacts(db, [slo.serviceId], now - slo.windowDays * DAY, now);
  const overrides = await loadOverrides(db, [slo.id]);
  return burnDown({ objective: slo.objective, windowDays: slo.windowDays, impacts: impactWindowsFor(slo, impacts, overrides), now });
}

/** The SLO's status with and without one incident, as the incident page's spend panel showed it. */
export async function referenceStatusPushedBy(db: Reader, slo: Slo, incidentId: number, now: number) {
  const impacts = await loadImpacts(db, [slo.serviceId], now - MAX_WINDOW_DAYS * DAY, now);
  const windows = impactWindowsFor(slo, impacts, await loadOverrides(db, [slo.id]));
  return statusPushedBy({ objective: slo.objective, windowDays: slo.windowDays, impacts: windows, now }, incidentId);
}
