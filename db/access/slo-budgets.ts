import "server-only";
import { and, eq, gt, inArray, lt, sql } from "drizzle-orm";
import type { Actor } from "@/lib/actor";
import { budgetFromSpend, budgetStatus, STATUS_RANK, type BudgetResult, type BudgetStatus } from "@/lib/error-budget";
import { OPEN_END, segmentMinutes, sweepSegments } from "@/lib/spend-sweep";
import { getDb } from "../client";
import { incidentServices, incidents, sloSpendOverrides, sloSpendSegments, slos, type Slo } from "../schema";
import type { Reader } from "../types";
import { visibleTo } from "./incidents";
import { ensureSpendSegments, sweepImpacts } from "./slo-spend-segments";
import { greatestOf, leastOf } from "../dialect-sql";

/** A day in ms: budget windows and due-date cut-offs are counted in days. */
export const DAY = 24 * 60 * 60 * 1000;
/** SLO windows are at most 90 days, so older incidents never spend. */
export const MAX_WINDOW_DAYS = 90;

const MINUTE = 60_000;
// CAST: PostgreSQL cannot type a bare parameter (`$1 IS NULL`), and the products need bigint.
const nowSql = (now: number) => sql`CAST(${now} AS bigint)`;
const windowStartSql = (now: number) => sql`${nowSql(now)} - ${slos.windowDays} * CAST(${DAY} AS bigint)`;

/** Overrides that count in each SLO's window: a linked, non-drill incident whose impact overlaps it. */
async function countedOverrides(db: Reader, sloIds: number[], now: number) {
  return await db
    .select({ sloId: sloSpendOverrides.sloId, incidentId: sloSpendOverrides.incidentId, minutes: sloSpendOverrides.minutes, startedAt: incidents.startedAt })
    .from(sloSpendOverrides)
    .innerJoin(slos, eq(slos.id, sloSpendOverrides.sloId))
    .innerJoin(incidentServices, and(eq(incidentServices.incidentId, sloSpendOverrides.incidentId), eq(incidentServices.serviceId, slos.serviceId)))
    .innerJoin(incidents, eq(incidents.id, sloSpendOverrides.incidentId))
    .where(
      and(
        inArray(sloSpendOverrides.sloId, sloIds),
        eq(incidents.drill, false),
        lt(incidents.startedAt, now),
        sql`coalesce(${incidents.mitigatedAt}, ${incidents.resolvedAt}, ${now}) >= ${windowStartSql(now)}`,
      ),
    );
}

/** Budget figures for many SLOs: the stored segments summed over each window, plus the overrides that count. */
export async function budgetsFor(db: Reader, sloRows: Slo[], now = Date.now()): Promise<Map<number, BudgetResult>> {
  const result = new Map<number, BudgetResult>();
  if (!sloRows.length) return result;
  await ensureSpendSegments(getDb());
  const ids = sloRows.map((s) => s.id);
  const spent = await db
    .select({
      sloId: sloSpendSegments.sloId,
      incidentId: sloSpendSegments.incidentId,
      weightedMs: sql<number>`sum((${leastOf(sloSpendSegments.end, nowSql(now))} - ${greatestOf(sloSpendSegments.start, windowStartSql(now))}) * ${sloSpendSegments.weight})`,
    })
    .from(slos)
    .innerJoin(sloSpendSegments, eq(sloSpendSegments.sloId, slos.id))
    .where(and(inArray(slos.id, ids), sql`${sloSpendSegments.end} > ${windowStartSql(now)}`, lt(sloSpendSegments.start, now)))
    .groupBy(sloSpendSegments.sloId, sloSpendSegments.incidentId);
  const overrides = await countedOverrides(db, ids, now);
  for (const slo of sloRows) {
    const byIncident = spent
      .filter((r) => r.sloId === slo.id)
      .map((r) => ({ incidentId: r.incidentId, minutes: r.weightedMs / MINUTE, overridden: false }))
      .concat(overrides.filter((o) => o.sloId === slo.id).map((o) => ({ incidentId: o.incidentId, minutes: o.minutes, overridden: true })))
      .sort((a, b) => a.incidentId - b.incidentId);
    result.set(slo.id, budgetFromSpend({ objective: slo.objective, windowDays: slo.windowDays, now, byIncident }));
  }
  return result;
}

async function segmentsIn(db: Reader, sloId: number, from: number, to: number) {
  return await db
    .select({ start: sloSpendSegments.start, end: sloSpendSegments.end, incidentId: sloSpendSegments.incidentId, weight: sloSpendSegments.weight })
    .from(sloSpendSegments)
    .where(and(eq(sloSpendSegments.sloId, sloId), gt(sloSpendSegments.end, from), lt(sloSpendSegments.start, to)));
}

/** Remaining budget at evenly spaced points across the current window, for the burn-down chart. */
export async function burnDownFor(db: Reader, slo: Slo, now = Date.now(), points = 29): Promise<{ at: number; remainingMinutes: number }[]> {
  await ensureSpendSegments(getDb());
  const windowStart = now - slo.windowDays * DAY;
  const budget = budgetFromSpend({ objective: slo.objective, windowDays: slo.windowDays, now, byIncident: [] }).budgetMinutes;
  const segments = await segmentsIn(db, slo.id, windowStart, now);
  const overrides = await countedOverrides(db, [slo.id], now);
  const series: { at: number; remainingMinutes: number }[] = [];
  for (let k = 0; k < points; k++) {
    const at = windowStart + ((now - windowStart) * k) / (points - 1);
    let spent = segmentMinutes(segments, windowStart, Math.min(at, now));
    for (const o of overrides) if (Math.max(o.startedAt, windowStart) <= at) spent += o.minutes;
    series.push({ at, remainingMinutes: budget - spent });
  }
  return series;
}

/**
 * What one incident did to an SLO: its status with the incident, and without it. Without it, only
 * the time its impact covered changes, so only that stretch is swept again without it.
 */
export async function statusPushedByIncident(
  db: Reader,
  slo: Slo,
  budget: BudgetResult,
  incidentId: number,
  now = Date.now(),
): Promise<{ with: BudgetStatus; without: BudgetStatus; pushed: boolean }> {
  const own = budget.byIncident.find((b) => b.incidentId === incidentId);
  let spentWithout = budget.spentMinutes;
  if (own?.overridden) spentWithout -= own.minutes;
  else if (own) {
    const incident = (
      await db
        .select({ start: incidents.startedAt, end: sql<number>`coalesce(${incidents.mitigatedAt}, ${incidents.resolvedAt}, ${OPEN_END})` })
        .from(incidents)
        .where(eq(incidents.id, incidentId))
    )[0]!;
    const from = Math.max(incident.start, budget.windowStart);
    const to = Math.min(incident.end, now);
    const credited = segmentMinutes(await segmentsIn(db, slo.id, from, to), from, to);
    const others = segmentMinutes(sweepSegments(await sweepImpacts(db, slo, from, to, incidentId), from, to), from, to);
    spentWithout += others - credited;
  }
  const without = budgetStatus(budget.budgetMinutes - spentWithout, budget.budgetMinutes);
  return { with: budget.status, without, pushed: STATUS_RANK[budget.status] > STATUS_RANK[without] };
}

/** Titles for incidents the actor may see; the rest show as "Private incident". */
export async function visibleIncidentTitles(
  db: Reader,
  actor: Actor,
  ids: number[],
): Promise<Map<number, { title: string; severity: string; status: string }>> {
  const map = new Map<number, { title: string; severity: string; status: string }>();
  if (ids.length === 0) return map;
  const visible = visibleTo(actor);
  const rows = await db
    .select({ id: incidents.id, title: incidents.title, severity: incidents.severity, status: incidents.status })
    .from(incidents)
    .where(visible ? and(inArray(incidents.id, ids), visible) : inArray(incidents.id, ids));
  for (const { id, ...rest } of rows) map.set(id, rest);
  return map;
}

export async function slosOfServices(db: Reader, serviceIds: number[]): Promise<Slo[]> {
  if (serviceIds.length === 0) return [];
  return await db.select().from(slos).where(inArray(slos.serviceId, serviceIds)).orderBy(slos.id);
}
