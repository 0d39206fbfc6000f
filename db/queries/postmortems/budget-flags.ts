import "server-only";
import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { BudgetResult } from "@/lib/error-budget";
import type { Severity } from "@/lib/severity";
import { incidentServices, incidents, slos, type Slo } from "../../schema";
import type { Reader } from "../../types";
import { budgetsFor, DAY, MAX_WINDOW_DAYS, statusPushedByIncident } from "../../access/slo-budgets";

/**
 * Incidents among `incidentIds` whose own spend exhausted an SLO's error budget (DESIGN.md:
 * those need a postmortem whatever their severity). Impact older than the longest SLO window
 * no longer counts.
 */
export async function budgetFlaggedIncidents(db: Reader, incidentIds: number[], now = Date.now()): Promise<Set<number>> {
  if (!incidentIds.length) return new Set<number>();
  const links = await db
    .select({ incidentId: incidentServices.incidentId, serviceId: incidentServices.serviceId })
    .from(incidentServices)
    .where(inArray(incidentServices.incidentId, incidentIds));
  return budgetFlaggedLinks(db, links, now);
}

export type IncidentLink = { incidentId: number; serviceId: number };

/** budgetFlaggedIncidents for a caller that already holds the incidents' service links (insights reads them from incident_facts). */
export async function budgetFlaggedLinks(db: Reader, links: IncidentLink[], now = Date.now()): Promise<Set<number>> {
  if (!links.length) return new Set<number>();
  const serviceIds = [...new Set(links.map((l) => l.serviceId))];
  const sloRows = await db.select().from(slos).where(inArray(slos.serviceId, serviceIds));
  const wanted = new Set(links.map((l) => l.incidentId));
  return pushedToExhausted(db, sloRows, await budgetsFor(db, sloRows, now), (id) => wanted.has(id), now);
}

/**
 * The budget-flagged incidents among {@link budgetCandidates}, for the postmortem list. Only an
 * incident with spend in an exhausted SLO's window can be flagged: a few per SLO whatever the
 * history, so those are found first and only they are checked against the candidate conditions.
 */
export async function budgetFlaggedCandidates(db: Reader, visible: SQL | undefined, required: Severity[], now: number): Promise<Set<number>> {
  const sloRows = await db.select().from(slos);
  const budgets = await budgetsFor(db, sloRows, now);
  const suspects = new Set<number>();
  for (const slo of sloRows) for (const own of mayHavePushed(budgets.get(slo.id)!)) suspects.add(own.incidentId);
  if (!suspects.size) return new Set();
  const candidates = new Set(await budgetCandidates(db, visible, required, now, [...suspects]));
  return pushedToExhausted(db, sloRows, budgets, (id) => candidates.has(id), now);
}

/**
 * An incident's own spend in an exhausted SLO, when removing it could change that: without it,
 * spend falls by at most the minutes credited to it, so if that still leaves the budget spent,
 * the SLO was exhausted without it and it pushed nothing.
 */
function mayHavePushed(budget: BudgetResult) {
  if (budget.status !== "exhausted") return [];
  return budget.byIncident.filter((own) => budget.remainingMinutes + own.minutes > 0);
}

async function pushedToExhausted(db: Reader, sloRows: Slo[], budgets: Map<number, BudgetResult>, considered: (id: number) => boolean, now: number) {
  const flagged = new Set<number>();
  for (const slo of sloRows) {
    const full = budgets.get(slo.id)!;
    for (const { incidentId } of mayHavePushed(full)) {
      if (flagged.has(incidentId) || !considered(incidentId)) continue;
      if ((await statusPushedByIncident(db, slo, full, incidentId, now)).without !== "exhausted") flagged.add(incidentId);
    }
  }
  return flagged;
}

/**
 * Resolved, non-drill incidents below the required severities whose impact is recent enough to
 * count against a budget; `among`: only those ids.
 */
export async function budgetCandidates(db: Reader, visible: SQL | undefined, required: Severity[], now: number, among?: number[]): Promise<number[]> {
  const conditions: SQL[] = [
    eq(incidents.drill, false),
    sql`${incidents.resolvedAt} IS NOT NULL`,
    // The expression of incidents_impact_end_idx (equal here: resolved_at is set), so only the recent ones are read.
    sql`coalesce(${incidents.mitigatedAt}, ${incidents.resolvedAt}, 9007199254740991) >= ${now - MAX_WINDOW_DAYS * DAY}`,
    sql`EXISTS (SELECT 1 FROM ${incidentServices} JOIN ${slos} ON ${slos.serviceId} = ${incidentServices.serviceId} WHERE ${incidentServices.incidentId} = ${incidents.id})`,
  ];
  if (among) conditions.push(inArray(incidents.id, among));
  if (required.length)
    conditions.push(
      sql`${incidents.severity} NOT IN (${sql.join(
        required.map((s) => sql`${s}`),
        sql`, `,
      )})`,
    );
  if (visible) conditions.push(visible);
  return (
    await db
      .select({ id: incidents.id })
      .from(incidents)
      .where(and(...conditions))
  ).map((r) => r.id);
}
