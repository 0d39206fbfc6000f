import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Actor } from "@/lib/actor";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { hasRole } from "@/lib/roles";
import { parseInput } from "@/lib/validation/parse";
import { linkServiceSchema, spendOverrideSchema } from "@/lib/validation/service";
import { IMPACT_LABEL, budgetMinutes, impactEnd, incidentSpendMinutes, statusPushedBy, type BudgetStatus, type ImpactLevel } from "@/lib/error-budget";
import { getDb, type Db } from "../client";
import { incidentServices, services, sloSpendOverrides, slos, teams, type Incident } from "../schema";
import { recordAudit } from "../access/audit";
import { writeTimelineEntry } from "../access/timeline";
import { findVisibleIncident } from "../access/incidents";
import { findServiceBySlug } from "./services";
import { impactWindowsFor, loadImpacts, loadOverrides, MAX_WINDOW_DAYS } from "../access/slo-budgets";
import { applyMatchingPlaybooks } from "./checklist";

type Tx = Pick<Db, "select" | "insert" | "update" | "delete">;
const DAY = 24 * 60 * 60 * 1000;

export type LinkedService = { serviceId: number; slug: string; name: string; tier: number; teamName: string | null; impact: ImpactLevel; linkedAt: number };

export function linkedServices(db: Pick<Db, "select">, incidentId: number): LinkedService[] {
  return db
    .select({
      serviceId: services.id,
      slug: services.slug,
      name: services.name,
      tier: services.tier,
      teamName: teams.name,
      impact: incidentServices.impact,
      linkedAt: incidentServices.linkedAt,
    })
    .from(incidentServices)
    .innerJoin(services, eq(services.id, incidentServices.serviceId))
    .leftJoin(teams, eq(teams.id, services.teamId))
    .where(eq(incidentServices.incidentId, incidentId))
    .orderBy(asc(services.tier), asc(services.name))
    .all();
}

/**
 * Links a service with an impact level, or changes the level of one already linked.
 * Runs inside the caller's transaction (declaration links services this way too).
 */
export function linkServiceInTx(tx: Tx, actor: Actor, incident: Pick<Incident, "id" | "severity">, slug: string, impact: ImpactLevel, now: number, field = "service") {
  const service = findServiceBySlug(tx, slug);
  if (!service) throw new AppError("validation_failed", `Unknown service "${slug}"`, { [field]: `Unknown service "${slug}"` });
  const existing = tx
    .select()
    .from(incidentServices)
    .where(and(eq(incidentServices.incidentId, incident.id), eq(incidentServices.serviceId, service.id)))
    .get();
  if (existing?.impact === impact) return false;
  if (existing) {
    tx.update(incidentServices).set({ impact }).where(and(eq(incidentServices.incidentId, incident.id), eq(incidentServices.serviceId, service.id))).run();
    writeTimelineEntry(tx, actor, {
      incidentId: incident.id,
      kind: "service",
      body: `Impact on ${service.name} changed from ${IMPACT_LABEL[existing.impact]} to ${IMPACT_LABEL[impact]}`,
      meta: { field: "service", service: service.slug, from: existing.impact, to: impact },
    }, now);
  } else {
    tx.insert(incidentServices).values({ incidentId: incident.id, serviceId: service.id, impact, linkedAt: now }).run();
    writeTimelineEntry(tx, actor, {
      incidentId: incident.id,
      kind: "service",
      body: `Affected service added: ${service.name} (${IMPACT_LABEL[impact]})`,
      meta: { field: "service", service: service.slug, from: null, to: impact },
    }, now);
  }
  recordAudit(tx, actor, {
    action: existing ? "incident.service_impact" : "incident.service_link",
    entityType: "incident",
    entityId: incident.id,
    before: existing ? { service: service.slug, impact: existing.impact } : undefined,
    after: { service: service.slug, impact },
  }, now);
  return true;
}

export function linkService({ actor, incidentId, input }: { actor: Actor; incidentId: number; input: unknown }): LinkedService[] {
  const data = parseInput(linkServiceSchema, input);
  return getDb().transaction(
    (tx) => {
      const incident = findVisibleIncident(tx, actor, incidentId);
      if (!incident) throw notFound();
      if (!hasRole(actor.role, "responder")) throw forbidden("Viewers cannot change affected services");
      const now = Date.now();
      if (linkServiceInTx(tx, actor, incident, data.service, data.impact, now)) {
        applyMatchingPlaybooks(tx, actor, incident, linkedServices(tx, incidentId).map((s) => s.serviceId), now);
      }
      return linkedServices(tx, incidentId);
    },
    { behavior: "immediate" },
  );
}

export function unlinkService({ actor, incidentId, slug }: { actor: Actor; incidentId: number; slug: string }): LinkedService[] {
  return getDb().transaction(
    (tx) => {
      const incident = findVisibleIncident(tx, actor, incidentId);
      if (!incident) throw notFound();
      if (!hasRole(actor.role, "responder")) throw forbidden("Viewers cannot change affected services");
      const service = findServiceBySlug(tx, slug);
      const link = service
        ? tx.select().from(incidentServices).where(and(eq(incidentServices.incidentId, incidentId), eq(incidentServices.serviceId, service.id))).get()
        : undefined;
      if (!service || !link) throw notFound("Affected service");
      const now = Date.now();
      tx.delete(incidentServices).where(and(eq(incidentServices.incidentId, incidentId), eq(incidentServices.serviceId, service.id))).run();
      // Overrides of this incident on the service's SLOs no longer apply.
      const sloIds = tx.select({ id: slos.id }).from(slos).where(eq(slos.serviceId, service.id)).all().map((s) => s.id);
      if (sloIds.length) tx.delete(sloSpendOverrides).where(and(eq(sloSpendOverrides.incidentId, incidentId), inArray(sloSpendOverrides.sloId, sloIds))).run();
      writeTimelineEntry(tx, actor, {
        incidentId,
        kind: "service",
        body: `Affected service removed: ${service.name} (was ${IMPACT_LABEL[link.impact]})`,
        meta: { field: "service", service: service.slug, from: link.impact, to: null },
      }, now);
      recordAudit(tx, actor, { action: "incident.service_unlink", entityType: "incident", entityId: incidentId, before: { service: service.slug, impact: link.impact } }, now);
      return linkedServices(tx, incidentId);
    },
    { behavior: "immediate" },
  );
}

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
  const incident = findVisibleIncident(db, actor, incidentId);
  if (!incident) throw notFound();
  const linked = linkedServices(db, incidentId);
  if (!linked.length) return [];
  const sloRows = db.select().from(slos).where(inArray(slos.serviceId, linked.map((l) => l.serviceId))).orderBy(slos.id).all();
  const impacts = loadImpacts(db, linked.map((l) => l.serviceId), now - MAX_WINDOW_DAYS * DAY, now);
  const overrides = loadOverrides(db, sloRows.map((s) => s.id));
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

/** A responder corrects this incident's spend on one SLO, with a reason; null input clears it. */
export function setSpendOverride({ actor, incidentId, sloId, input }: { actor: Actor; incidentId: number; sloId: number; input: unknown | null }) {
  const data = input === null ? null : parseInput(spendOverrideSchema, input);
  getDb().transaction(
    (tx) => {
      const incident = findVisibleIncident(tx, actor, incidentId);
      if (!incident) throw notFound();
      if (!hasRole(actor.role, "responder")) throw forbidden("Viewers cannot override budget spend");
      const slo = tx.select().from(slos).where(eq(slos.id, sloId)).get();
      const linked = slo && tx.select().from(incidentServices).where(and(eq(incidentServices.incidentId, incidentId), eq(incidentServices.serviceId, slo.serviceId))).get();
      if (!slo || !linked) throw notFound("SLO of a service affected by this incident");
      const before = tx.select().from(sloSpendOverrides).where(and(eq(sloSpendOverrides.incidentId, incidentId), eq(sloSpendOverrides.sloId, sloId))).get();
      const now = Date.now();
      if (data) {
        const row = {
          incidentId,
          sloId,
          minutes: data.minutes,
          reason: data.reason,
          byUserId: actor.kind === "user" ? actor.userId : null,
          byTokenId: actor.kind === "token" ? actor.tokenId : null,
          at: now,
        };
        tx.insert(sloSpendOverrides).values(row).onConflictDoUpdate({ target: [sloSpendOverrides.incidentId, sloSpendOverrides.sloId], set: row }).run();
      } else {
        if (!before) return;
        tx.delete(sloSpendOverrides).where(and(eq(sloSpendOverrides.incidentId, incidentId), eq(sloSpendOverrides.sloId, sloId))).run();
      }
      writeTimelineEntry(tx, actor, {
        incidentId,
        kind: "service",
        body: data
          ? `Budget spend on SLO “${slo.name}” set by hand to ${data.minutes} min: ${data.reason}`
          : `Hand-set budget spend on SLO “${slo.name}” removed; computed from impact again`,
        meta: { field: "slo_override", sloId, from: before?.minutes ?? null, to: data?.minutes ?? null },
      }, now);
      recordAudit(tx, actor, {
        action: data ? "incident.slo_override" : "incident.slo_override_clear",
        entityType: "incident",
        entityId: incidentId,
        before: before ? { sloId, minutes: before.minutes, reason: before.reason } : undefined,
        after: data ? { sloId, ...data } : undefined,
      }, now);
    },
    { behavior: "immediate" },
  );
}
