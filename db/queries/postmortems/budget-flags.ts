import "server-only";
import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Severity } from "@/lib/severity";
import { incidentServices, incidents, slos } from "../../schema";
import type { Reader } from "../../types";
import { budgetsFor, DAY, MAX_WINDOW_DAYS, statusPushedByIncident } from "../../access/slo-budgets";

/**
 * Incidents among `incidentIds` whose own spend exhausted an SLO's error budget (DESIGN.md:
 * those need a postmortem whatever their severity). Impact older than the longest SLO window
 * no longer counts.
 */
export function budgetFlaggedIncidents(db: Reader, incidentIds: number[], now = Date.now()): Set<number> {
  if (!incidentIds.length) return new Set<number>();
  const links = db
    .select({ incidentId: incidentServices.incidentId, serviceId: incidentServices.serviceId })
    .from(incidentServices)
    .where(inArray(incidentServices.incidentId, incidentIds))
    .all();
  return budgetFlaggedLinks(db, links, now);
}

export type IncidentLink = { incidentId: number; serviceId: number };

/** budgetFlaggedIncidents for a caller that already holds the incidents' service links (insights reads them from incident_facts). */
export function budgetFlaggedLinks(db: Reader, links: IncidentLink[], now = Date.now()): Set<number> {
  const flagged = new Set<number>();
  if (!links.length) return flagged;
  const serviceIds = [...new Set(links.map((l) => l.serviceId))];
  const sloRows = db.select().from(slos).where(inArray(slos.serviceId, serviceIds)).all();
  if (!sloRows.length) return flagged;
  const budgets = budgetsFor(db, sloRows, now);
  for (const slo of sloRows) {
    const full = budgets.get(slo.id)!;
    // Only an SLO exhausted with all its incidents can have been pushed to exhausted by one of them.
    if (full.status !== "exhausted") continue;
    const own = new Map(full.byIncident.map((b) => [b.incidentId, b.minutes]));
    for (const link of links) {
      if (link.serviceId !== slo.serviceId || flagged.has(link.incidentId) || !own.has(link.incidentId)) continue;
      // Without an incident, spend falls by at most the minutes credited to it: if that still
      // leaves the budget spent, the SLO was exhausted without it and it pushed nothing.
      if (full.remainingMinutes + own.get(link.incidentId)! <= 0) continue;
      if (statusPushedByIncident(db, slo, full, link.incidentId, now).without !== "exhausted") flagged.add(link.incidentId);
    }
  }
  return flagged;
}

/** Resolved, non-drill incidents below the required severities whose impact is recent enough to count against a budget. */
export function budgetCandidates(db: Reader, visible: SQL | undefined, required: Severity[], now: number): number[] {
  const conditions: SQL[] = [
    eq(incidents.drill, false),
    sql`${incidents.resolvedAt} IS NOT NULL`,
    // The expression of incidents_impact_end_idx (equal here: resolved_at is set), so only the recent ones are read.
    sql`coalesce(${incidents.mitigatedAt}, ${incidents.resolvedAt}, 9007199254740991) >= ${now - MAX_WINDOW_DAYS * DAY}`,
    sql`EXISTS (SELECT 1 FROM ${incidentServices} JOIN ${slos} ON ${slos.serviceId} = ${incidentServices.serviceId} WHERE ${incidentServices.incidentId} = ${incidents.id})`,
  ];
  if (required.length)
    conditions.push(
      sql`${incidents.severity} NOT IN (${sql.join(
        required.map((s) => sql`${s}`),
        sql`, `,
      )})`,
    );
  if (visible) conditions.push(visible);
  return db
    .select({ id: incidents.id })
    .from(incidents)
    .where(and(...conditions))
    .all()
    .map((r) => r.id);
}
