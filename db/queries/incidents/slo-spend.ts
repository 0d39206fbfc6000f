import "server-only";
import { eq, inArray } from "drizzle-orm";
import type { Actor } from "@/lib/actor";
import { budgetMinutes, impactEnd, incidentSpendMinutes, type BudgetStatus } from "@/lib/error-budget";
import { getDb } from "../../client";
import { sloSpendOverrides, slos, type Incident } from "../../schema";
import type { Reader } from "../../types";
import { readableIncident } from "../../access/incidents";
import { linkedServices } from "../../access/linked-services";
import { budgetsFor, statusPushedByIncident } from "../../access/slo-budgets";

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
export async function incidentSloSpend({
  actor,
  incidentId,
  now = Date.now(),
}: {
  actor: Actor;
  incidentId: number;
  now?: number;
}): Promise<IncidentSloSpend[]> {
  const db = getDb();
  return sloSpendOf(db, await readableIncident(db, actor, incidentId), now);
}

/** The same for any reader (the caller checked access): what live events carry. */
export async function sloSpendOf(db: Reader, incident: Incident, now = Date.now()): Promise<IncidentSloSpend[]> {
  const incidentId = incident.id;
  const linked = await linkedServices(db, incidentId);
  if (!linked.length) return [];
  const sloRows = await db
    .select()
    .from(slos)
    .where(
      inArray(
        slos.serviceId,
        linked.map((l) => l.serviceId),
      ),
    )
    .orderBy(slos.id);
  const budgets = await budgetsFor(db, sloRows, now);
  const overrides = await db
    .select({ sloId: sloSpendOverrides.sloId, minutes: sloSpendOverrides.minutes, reason: sloSpendOverrides.reason })
    .from(sloSpendOverrides)
    .where(eq(sloSpendOverrides.incidentId, incidentId));
  const spends: IncidentSloSpend[] = [];
  for (const slo of sloRows) {
    const service = linked.find((l) => l.serviceId === slo.serviceId)!;
    const override = overrides.find((o) => o.sloId === slo.id);
    const own = {
      incidentId,
      startedAt: incident.startedAt,
      endedAt: impactEnd(incident),
      impact: service.impact,
      drill: incident.drill,
      overrideMinutes: override?.minutes ?? null,
    };
    const pushed = await statusPushedByIncident(db, slo, budgets.get(slo.id)!, incidentId, now);
    spends.push({
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
    });
  }
  return spends;
}
