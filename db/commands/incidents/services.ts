import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Actor } from "@/lib/actor";
import { AppError, notFound } from "@/lib/errors";
import { parseInput } from "@/lib/validation/parse";
import { linkServiceSchema, spendOverrideSchema } from "@/lib/validation/service";
import { IMPACT_LABEL, type ImpactLevel } from "@/lib/error-budget";
import { getDb } from "../../client";
import { incidentServices, sloSpendOverrides, slos, type Incident } from "../../schema";
import type { Tx } from "../../types";
import { recordAudit } from "../../access/audit";
import { writeTimelineEntry } from "../../access/timeline";
import { editableIncident } from "../../access/incidents";
import { findServiceBySlug } from "../../access/services";
import { linkedServices, type LinkedService } from "../../access/linked-services";
import { applyMatchingPlaybooks } from "./checklist";
import { emitServicesChanged, emitSloSpendChanged } from "../events/emit";

/**
 * Links a service with an impact level, or changes the level of one already linked.
 * Runs inside the caller's transaction (declaration links services this way too).
 */
export function linkServiceInTx(
  tx: Tx,
  actor: Actor,
  incident: Pick<Incident, "id" | "severity">,
  slug: string,
  impact: ImpactLevel,
  now: number,
  field = "service",
) {
  const service = findServiceBySlug(tx, slug);
  if (!service) throw new AppError("validation_failed", `Unknown service "${slug}"`, { [field]: `Unknown service "${slug}"` });
  const existing = tx
    .select()
    .from(incidentServices)
    .where(and(eq(incidentServices.incidentId, incident.id), eq(incidentServices.serviceId, service.id)))
    .get();
  if (existing?.impact === impact) return false;
  if (existing) {
    tx.update(incidentServices)
      .set({ impact })
      .where(and(eq(incidentServices.incidentId, incident.id), eq(incidentServices.serviceId, service.id)))
      .run();
    writeTimelineEntry(
      tx,
      actor,
      {
        incidentId: incident.id,
        kind: "service",
        body: `Impact on ${service.name} changed from ${IMPACT_LABEL[existing.impact]} to ${IMPACT_LABEL[impact]}`,
        meta: { field: "service", service: service.slug, from: existing.impact, to: impact },
      },
      now,
    );
  } else {
    tx.insert(incidentServices).values({ incidentId: incident.id, serviceId: service.id, impact, linkedAt: now }).run();
    writeTimelineEntry(
      tx,
      actor,
      {
        incidentId: incident.id,
        kind: "service",
        body: `Affected service added: ${service.name} (${IMPACT_LABEL[impact]})`,
        meta: { field: "service", service: service.slug, from: null, to: impact },
      },
      now,
    );
  }
  recordAudit(
    tx,
    actor,
    {
      action: existing ? "incident.service_impact" : "incident.service_link",
      entityType: "incident",
      entityId: incident.id,
      before: existing ? { service: service.slug, impact: existing.impact } : undefined,
      after: { service: service.slug, impact },
    },
    now,
  );
  return true;
}

/** Links a service (responders) and brings in the playbooks it now matches; returns the linked services. */
export function linkService({ actor, incidentId, input }: { actor: Actor; incidentId: number; input: unknown }): LinkedService[] {
  const data = parseInput(linkServiceSchema, input);
  return getDb().transaction(
    (tx) => {
      const incident = editableIncident(tx, actor, incidentId, "link-services");
      const now = Date.now();
      if (linkServiceInTx(tx, actor, incident, data.service, data.impact, now)) {
        emitServicesChanged(tx, actor, incidentId, now);
        applyMatchingPlaybooks(
          tx,
          actor,
          incident,
          linkedServices(tx, incidentId).map((s) => s.serviceId),
          now,
        );
      }
      return linkedServices(tx, incidentId);
    },
    { behavior: "immediate" },
  );
}

export function unlinkService({ actor, incidentId, slug }: { actor: Actor; incidentId: number; slug: string }): LinkedService[] {
  return getDb().transaction(
    (tx) => {
      editableIncident(tx, actor, incidentId, "link-services");
      const service = findServiceBySlug(tx, slug);
      const link = service
        ? tx
            .select()
            .from(incidentServices)
            .where(and(eq(incidentServices.incidentId, incidentId), eq(incidentServices.serviceId, service.id)))
            .get()
        : undefined;
      if (!service || !link) throw notFound("Affected service");
      const now = Date.now();
      tx.delete(incidentServices)
        .where(and(eq(incidentServices.incidentId, incidentId), eq(incidentServices.serviceId, service.id)))
        .run();
      // Overrides of this incident on the service's SLOs no longer apply.
      const sloIds = tx
        .select({ id: slos.id })
        .from(slos)
        .where(eq(slos.serviceId, service.id))
        .all()
        .map((s) => s.id);
      if (sloIds.length)
        tx.delete(sloSpendOverrides)
          .where(and(eq(sloSpendOverrides.incidentId, incidentId), inArray(sloSpendOverrides.sloId, sloIds)))
          .run();
      writeTimelineEntry(
        tx,
        actor,
        {
          incidentId,
          kind: "service",
          body: `Affected service removed: ${service.name} (was ${IMPACT_LABEL[link.impact]})`,
          meta: { field: "service", service: service.slug, from: link.impact, to: null },
        },
        now,
      );
      emitServicesChanged(tx, actor, incidentId, now);
      recordAudit(
        tx,
        actor,
        { action: "incident.service_unlink", entityType: "incident", entityId: incidentId, before: { service: service.slug, impact: link.impact } },
        now,
      );
      return linkedServices(tx, incidentId);
    },
    { behavior: "immediate" },
  );
}

/** A responder corrects this incident's spend on one SLO, with a reason; null input clears it. */
export function setSpendOverride({ actor, incidentId, sloId, input }: { actor: Actor; incidentId: number; sloId: number; input: unknown | null }) {
  const data = input === null ? null : parseInput(spendOverrideSchema, input);
  getDb().transaction(
    (tx) => {
      editableIncident(tx, actor, incidentId, "override-spend");
      const slo = tx.select().from(slos).where(eq(slos.id, sloId)).get();
      const linked =
        slo &&
        tx
          .select()
          .from(incidentServices)
          .where(and(eq(incidentServices.incidentId, incidentId), eq(incidentServices.serviceId, slo.serviceId)))
          .get();
      if (!slo || !linked) throw notFound("SLO of a service affected by this incident");
      const before = tx
        .select()
        .from(sloSpendOverrides)
        .where(and(eq(sloSpendOverrides.incidentId, incidentId), eq(sloSpendOverrides.sloId, sloId)))
        .get();
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
        tx.insert(sloSpendOverrides)
          .values(row)
          .onConflictDoUpdate({ target: [sloSpendOverrides.incidentId, sloSpendOverrides.sloId], set: row })
          .run();
      } else {
        if (!before) return;
        tx.delete(sloSpendOverrides)
          .where(and(eq(sloSpendOverrides.incidentId, incidentId), eq(sloSpendOverrides.sloId, sloId)))
          .run();
      }
      writeTimelineEntry(
        tx,
        actor,
        {
          incidentId,
          kind: "service",
          body: data
            ? `Budget spend on SLO “${slo.name}” set by hand to ${data.minutes} min: ${data.reason}`
            : `Hand-set budget spend on SLO “${slo.name}” removed; computed from impact again`,
          meta: { field: "slo_override", sloId, from: before?.minutes ?? null, to: data?.minutes ?? null },
        },
        now,
      );
      emitSloSpendChanged(tx, actor, incidentId, now);
      recordAudit(
        tx,
        actor,
        {
          action: data ? "incident.slo_override" : "incident.slo_override_clear",
          entityType: "incident",
          entityId: incidentId,
          before: before ? { sloId, minutes: before.minutes, reason: before.reason } : undefined,
          after: data ? { sloId, ...data } : undefined,
        },
        now,
      );
    },
    { behavior: "immediate" },
  );
}
