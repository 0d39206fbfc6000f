import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Actor } from "@/lib/actor";
import { AppError, notFound } from "@/lib/errors";
import { parseInput } from "@/lib/validation/parse";
import { linkServiceSchema, spendOverrideSchema } from "@/lib/validation/service";
import { IMPACT_LABEL, type ImpactLevel } from "@/lib/error-budget";
import { incidentServices, sloSpendOverrides, slos, type Incident } from "../../schema";
import type { Tx } from "../../types";
import { recordAudit } from "../../access/audit";
import { refreshIncidentFacts } from "../../access/incident-facts";
import { writeTimelineEntry } from "../../access/timeline";
import { editableIncident } from "../../access/incidents";
import { findServiceBySlug } from "../../access/services";
import { linkedServices, type LinkedService } from "../../access/linked-services";
import { applyMatchingPlaybooks } from "./checklist";
import { emitServicesChanged, emitSloSpendChanged } from "../events/emit";
import { refreshSpendFor, spendSnapshot } from "../../access/slo-spend-segments";
import { transaction } from "../../transaction";

/**
 * Links a service with an impact level, or changes the level of one already linked.
 * Runs inside the caller's transaction (declaration links services this way too).
 */
export async function linkServiceInTx(
  tx: Tx,
  actor: Actor,
  incident: Pick<Incident, "id" | "severity">,
  slug: string,
  impact: ImpactLevel,
  now: number,
  field = "service",
) {
  const service = await findServiceBySlug(tx, slug);
  if (!service) throw new AppError("validation_failed", `Unknown service "${slug}"`, { [field]: `Unknown service "${slug}"` });
  const existing = (
    await tx
      .select()
      .from(incidentServices)
      .where(and(eq(incidentServices.incidentId, incident.id), eq(incidentServices.serviceId, service.id)))
  )[0];
  if (existing?.impact === impact) return false;
  if (existing) {
    await tx
      .update(incidentServices)
      .set({ impact })
      .where(and(eq(incidentServices.incidentId, incident.id), eq(incidentServices.serviceId, service.id)));
    await writeTimelineEntry(
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
    await tx.insert(incidentServices).values({ incidentId: incident.id, serviceId: service.id, impact, linkedAt: now });
    await refreshIncidentFacts(tx, incident.id);
    await writeTimelineEntry(
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
  await recordAudit(
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
export async function linkService({ actor, incidentId, input }: { actor: Actor; incidentId: number; input: unknown }): Promise<LinkedService[]> {
  const data = parseInput(linkServiceSchema, input);
  return await transaction(async (tx) => {
    const incident = await editableIncident(tx, actor, incidentId, "link-services");
    const spendBefore = await spendSnapshot(tx, incidentId);
    const now = Date.now();
    const changed = await linkServiceInTx(tx, actor, incident, data.service, data.impact, now);
    if (changed)
      await applyMatchingPlaybooks(
        tx,
        actor,
        incident,
        (await linkedServices(tx, incidentId)).map((s) => s.serviceId),
        now,
      );
    await refreshSpendFor(tx, { incidentId, before: spendBefore });
    // After the stored spend is refreshed: the event carries the new SLO spend.
    if (changed) await emitServicesChanged(tx, actor, incidentId, now);
    return linkedServices(tx, incidentId);
  });
}

export async function unlinkService({ actor, incidentId, slug }: { actor: Actor; incidentId: number; slug: string }): Promise<LinkedService[]> {
  return await transaction(async (tx) => {
    await editableIncident(tx, actor, incidentId, "link-services");
    const spendBefore = await spendSnapshot(tx, incidentId);
    const service = await findServiceBySlug(tx, slug);
    const link = service
      ? (
          await tx
            .select()
            .from(incidentServices)
            .where(and(eq(incidentServices.incidentId, incidentId), eq(incidentServices.serviceId, service.id)))
        )[0]
      : undefined;
    if (!service || !link) throw notFound("Affected service");
    const now = Date.now();
    await tx.delete(incidentServices).where(and(eq(incidentServices.incidentId, incidentId), eq(incidentServices.serviceId, service.id)));
    // Overrides of this incident on the service's SLOs no longer apply.
    const sloIds = (await tx.select({ id: slos.id }).from(slos).where(eq(slos.serviceId, service.id))).map((s) => s.id);
    if (sloIds.length) await tx.delete(sloSpendOverrides).where(and(eq(sloSpendOverrides.incidentId, incidentId), inArray(sloSpendOverrides.sloId, sloIds)));
    await refreshSpendFor(tx, { incidentId, before: spendBefore });
    await writeTimelineEntry(
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
    await refreshIncidentFacts(tx, incidentId);
    await emitServicesChanged(tx, actor, incidentId, now);
    await recordAudit(
      tx,
      actor,
      { action: "incident.service_unlink", entityType: "incident", entityId: incidentId, before: { service: service.slug, impact: link.impact } },
      now,
    );
    return linkedServices(tx, incidentId);
  });
}

/** A responder corrects this incident's spend on one SLO, with a reason; null input clears it. */
export async function setSpendOverride({ actor, incidentId, sloId, input }: { actor: Actor; incidentId: number; sloId: number; input: unknown | null }) {
  const data = input === null ? null : parseInput(spendOverrideSchema, input);
  await transaction(async (tx) => {
    await editableIncident(tx, actor, incidentId, "override-spend");
    const spendBefore = await spendSnapshot(tx, incidentId);
    const slo = (await tx.select().from(slos).where(eq(slos.id, sloId)))[0];
    const linked =
      slo &&
      (
        await tx
          .select()
          .from(incidentServices)
          .where(and(eq(incidentServices.incidentId, incidentId), eq(incidentServices.serviceId, slo.serviceId)))
      )[0];
    if (!slo || !linked) throw notFound("SLO of a service affected by this incident");
    const before = (
      await tx
        .select()
        .from(sloSpendOverrides)
        .where(and(eq(sloSpendOverrides.incidentId, incidentId), eq(sloSpendOverrides.sloId, sloId)))
    )[0];
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
      await tx
        .insert(sloSpendOverrides)
        .values(row)
        .onConflictDoUpdate({ target: [sloSpendOverrides.incidentId, sloSpendOverrides.sloId], set: row });
    } else {
      if (!before) return;
      await tx.delete(sloSpendOverrides).where(and(eq(sloSpendOverrides.incidentId, incidentId), eq(sloSpendOverrides.sloId, sloId)));
    }
    await refreshSpendFor(tx, { incidentId, before: spendBefore });
    await writeTimelineEntry(
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
    await emitSloSpendChanged(tx, actor, incidentId, now);
    await recordAudit(
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
  });
}
