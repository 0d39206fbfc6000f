import "server-only";
import { inArray } from "drizzle-orm";
import type { Actor } from "@/lib/actor";
import { budgetMinutes, impactEnd, incidentSpendMinutes, statusPushedBy, type BudgetStatus } from "@/lib/error-budget";
import { getDb } from "../../client";
import { slos, type Incident } from "../../schema";
import type { Reader } from "../../types";
import { readableIncident } from "../../access/incidents";
import { linkedServices } from "../../access/linked-services";
import { DAY, impactWindowsFor, loadImpacts, loadOverrides, MAX_WINDOW_DAYS } from "../../access/slo-budgets";

export type IncidentSloSpend = {
  sloId: number;
  sloName: string;
  objective: number;
  windowDays: number;
  serviceSlug: string;
  serviceName: string;
  budgetMinutes: number;
  spentMinutes: number;
  overridden: { minutes: number; reason: string } | null;
  status: BudgetStatus;
  pushed: boolean;
};

/** Each linked SLO's spend from this incident, and what it did to the SLO's status. */
export function incidentSloSpend({ actor, incidentId, now = Date.now() }: { actor: Actor; incidentId: number; now?: number }): IncidentSloSpend[] {
  const db = getDb();
  return sloSpendOf(db, readableIncident(db, actor, incidentId), now);
}

/** The same for any reader (the caller checked access): what live events carry. */
export function sloSpendOf(db: Reader, incident: Incident, now = Date.now()): IncidentSloSpend[] {
  const incidentId = incident.id;
  const linked = linkedServices(db, incidentId);
  if (!linked.length) return [];
  const sloRows = db
    .select()
    .from(slos)
    .where(
      inArray(
        slos.serviceId,
        linked.map((l) => l.serviceId),
      ),
    )
    .orderBy(slos.id)
    .all();
  const impacts = loadImpacts(
    db,
    linked.map((l) => l.serviceId),
    now - MAX_WINDOW_DAYS * DAY,
    now,
  );
  const overrides = loadOverrides(
    db,
    sloRows.map((s) => s.id),
  );
  return sloRows.map((slo) => {
    const service = linked.find((l) => l.serviceId === slo.serviceId)!;
    const windows = impactWindowsFor(slo, impacts, overrides);
    const own = windows.find((w) => w.incidentId === incidentId) ?? {
      incidentId,
      startedAt: incident.startedAt,
      endedAt: impactEnd(incident),
      impact: service.impact,
      drill: incident.drill,
      overrideMinutes: overrides.get(`${incidentId}:${slo.id}`)?.minutes ?? null,
    };
    const pushed = statusPushedBy({ objective: slo.objective, windowDays: slo.windowDays, impacts: windows, now }, incidentId);
    const override = overrides.get(`${incidentId}:${slo.id}`);
    return {
      sloId: slo.id,
      sloName: slo.name,
      objective: slo.objective,
      windowDays: slo.windowDays,
      serviceSlug: service.slug,
      serviceName: service.name,
      budgetMinutes: budgetMinutes(slo.objective, slo.windowDays),
      spentMinutes: incidentSpendMinutes(own, now),
      overridden: override ? { minutes: override.minutes, reason: override.reason } : null,
      status: pushed.with,
      pushed: pushed.pushed,
    };
  });
}
