import "server-only";
import { and, desc, eq, inArray } from "drizzle-orm";
import type { Actor } from "@/lib/actor";
import type { ImpactLevel } from "@/lib/error-budget";
import type { Severity } from "@/lib/severity";
import { alerts, incidents, incidentServices, services, type Incident } from "../../schema";
import type { Reader, Tx } from "../../types";
import { visibleTo } from "../../access/incidents";
import { findServiceBySlug } from "../../access/services";
import { writeDeclaredIncident } from "../incidents/declare";

const ACTIVE = ["investigating", "identified", "monitoring"] as const;

/** The open incident an earlier alert of this group went to (one open incident per groupKey). */
export async function openIncidentOfGroup(db: Reader, integrationId: number, groupKey: string | null): Promise<number | null> {
  if (groupKey === null) return null;
  const row = (
    await db
      .select({ incidentId: alerts.incidentId })
      .from(alerts)
      .innerJoin(incidents, eq(incidents.id, alerts.incidentId))
      .where(and(eq(alerts.integrationId, integrationId), eq(alerts.groupKey, groupKey), inArray(incidents.status, ACTIVE)))
      .orderBy(desc(alerts.id))
      .limit(1)
  )[0];
  return row?.incidentId ?? null;
}

/** The newest open incident affecting the service that the integration may see, for `attach` rules. */
export async function openIncidentOfService(db: Reader, actor: Actor, slug: string | null): Promise<number | null> {
  if (slug === null) return null;
  const visible = visibleTo(actor);
  const row = (
    await db
      .select({ id: incidents.id })
      .from(incidents)
      .innerJoin(incidentServices, eq(incidentServices.incidentId, incidents.id))
      .innerJoin(services, eq(services.id, incidentServices.serviceId))
      .where(and(eq(services.slug, slug), inArray(incidents.status, ACTIVE), visible))
      .orderBy(desc(incidents.declaredAt), desc(incidents.id))
      .limit(1)
  )[0];
  return row?.id ?? null;
}

/** How much of a service an alert-declared incident affects, from its severity (responders adjust it). */
const IMPACT_BY_SEVERITY: Record<Severity, ImpactLevel> = { SEV1: "full_outage", SEV2: "partial_outage", SEV3: "degraded", SEV4: "degraded" };

/** An alert time as an incident time: never in the future (a sender's clock may run ahead). */
export const notAfterNow = (ms: number, now: number) => Math.min(ms, now);

export type AlertDeclaration = { title: string; summary: string; severity: Severity; serviceSlug: string | null; startsAt: number };

/**
 * Declares an incident for a firing alert through the declare command's own write, with started and
 * detected times from the alert (source "alert"). A service label naming no catalogue service declares
 * without a service; the returned note says so for the timeline.
 */
export async function declareFromAlert(tx: Tx, actor: Actor, alert: AlertDeclaration, now: number): Promise<{ incident: Incident; note: string | null }> {
  const startedAt = notAfterNow(alert.startsAt, now);
  const known = alert.serviceSlug !== null && (await findServiceBySlug(tx, alert.serviceSlug)) !== undefined;
  const incident = await writeDeclaredIncident(
    tx,
    actor,
    {
      title: alert.title,
      severity: alert.severity,
      summary: alert.summary,
      services: known ? [{ service: alert.serviceSlug!, impact: IMPACT_BY_SEVERITY[alert.severity] }] : undefined,
    },
    { startedAt, startedAtSource: "alert", detectedAt: startedAt, detectedAtSource: "alert" },
    now,
  );
  const note = alert.serviceSlug !== null && !known ? `service "${alert.serviceSlug}" is not in the catalogue, so no service was linked` : null;
  return { incident, note };
}
