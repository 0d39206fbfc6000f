import "server-only";
import { and, eq, lt } from "drizzle-orm";
import type { Actor } from "@/lib/actor";
import { actorKey } from "@/lib/actor";
import { AppError } from "@/lib/errors";
import { canonicalJsonHash } from "@/lib/canonical-json";
import { requirePermission } from "@/lib/policy";
import { parseInput } from "@/lib/validation/parse";
import { declareIncidentSchema, type DeclareIncidentInput } from "@/lib/validation/incident";
import type { TimestampSource } from "@/lib/incident-status";
import { timestampOrderErrors } from "@/lib/incident-timestamps";
import { idempotencyKeys, incidentRoles, incidents, type Incident } from "../../schema";
import type { Tx } from "../../types";
import { recordAudit } from "../../access/audit";
import { refreshIncidentFacts } from "../../access/incident-facts";
import { writeTimelineEntry } from "../../access/timeline";
import { linkedServices } from "../../access/linked-services";
import { appendEvent } from "../../access/events";
import { incidentState } from "../../access/event-payloads";
import { emitServicesChanged } from "../events/emit";
import { getIncident, type IncidentDetail } from "../../queries/incidents/detail";
import { linkServiceInTx } from "./services";
import { refreshSpendFor } from "../../access/slo-spend-segments";
import { applyMatchingPlaybooks } from "./checklist";
import { transaction } from "../../transaction";

const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * Declares an incident: the declaring person becomes commander (and so acknowledges it).
 * With an idempotency key, a retry with the same body (as canonical JSON) returns the incident the
 * first request created; the same key with a different body is a 422.
 */
export async function declareIncident({ actor, input, idempotencyKey }: { actor: Actor; input: unknown; idempotencyKey?: string | null }): Promise<{
  incident: IncidentDetail;
  replayed: boolean;
}> {
  requirePermission(actor, "incident", "declare");
  const data = parseInput(declareIncidentSchema, input);
  if (idempotencyKey !== undefined && idempotencyKey !== null && (idempotencyKey.length < 1 || idempotencyKey.length > 200)) {
    throw new AppError("validation_failed", "Idempotency-Key must be 1–200 characters", { "Idempotency-Key": "Must be 1–200 characters" });
  }
  const now = Date.now();
  const startedAt = data.startedAt ?? now;
  const detectedAt = data.detectedAt ?? (data.startedAt !== undefined ? now : startedAt);
  const problems = timestampOrderErrors(
    { startedAt, detectedAt, declaredAt: now, acknowledgedAt: null, mitigatedAt: null, resolvedAt: null, closedAt: null },
    now,
  );
  if (Object.keys(problems).length) {
    throw new AppError("validation_failed", Object.values(problems).join("; "), problems as Record<string, string>);
  }
  const requestHash = idempotencyKey ? canonicalJsonHash(input) : null;
  const result = await transaction(async (tx) => {
    if (idempotencyKey) {
      await tx.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, now - IDEMPOTENCY_TTL_MS));
      const seen = (
        await tx
          .select({ incidentId: idempotencyKeys.incidentId, requestHash: idempotencyKeys.requestHash })
          .from(idempotencyKeys)
          .where(and(eq(idempotencyKeys.actorKey, actorKey(actor)), eq(idempotencyKeys.key, idempotencyKey)))
      )[0];
      // Rows kept before request hashes were stored (null) count as the same request.
      if (seen && seen.requestHash !== null && seen.requestHash !== requestHash) {
        throw new AppError(
          "unprocessable",
          "This Idempotency-Key was already used with a different request body; send a new Idempotency-Key for a new incident",
          { "Idempotency-Key": "Already used with a different body" },
        );
      }
      if (seen) return { incidentId: seen.incidentId, replayed: true };
    }
    const incident = await writeDeclaredIncident(
      tx,
      actor,
      data,
      {
        startedAt,
        startedAtSource: data.startedAt !== undefined ? "backdated" : "status_change",
        detectedAt,
        detectedAtSource: data.detectedAt !== undefined ? "manual" : "status_change",
      },
      now,
    );
    if (idempotencyKey) {
      await tx.insert(idempotencyKeys).values({ actorKey: actorKey(actor), key: idempotencyKey, incidentId: incident.id, createdAt: now, requestHash });
    }
    return { incidentId: incident.id, replayed: false };
  });
  return { incident: await getIncident({ actor, incidentId: result.incidentId }), replayed: result.replayed };
}

export type DeclareTimes = { startedAt: number; startedAtSource: TimestampSource; detectedAt: number; detectedAtSource: TimestampSource };

/**
 * The declaration itself, inside the caller's transaction: the incident row, commander (when a person
 * declares), event, timeline entry, services, playbooks, facts and audit. Alert intake declares through
 * this too, with times from the alerts (source "alert").
 */
export async function writeDeclaredIncident(
  tx: Tx,
  actor: Actor,
  data: Pick<DeclareIncidentInput, "title" | "severity" | "summary" | "private" | "drill" | "services">,
  times: DeclareTimes,
  now: number,
): Promise<Incident> {
  const person = actor.kind === "user";
  const incident = (
    await tx
      .insert(incidents)
      .values({
        title: data.title,
        summary: data.summary ?? "",
        severity: data.severity,
        status: "investigating",
        private: data.private ?? false,
        drill: data.drill ?? false,
        startedAt: times.startedAt,
        startedAtSource: times.startedAtSource,
        detectedAt: times.detectedAt,
        detectedAtSource: times.detectedAtSource,
        declaredAt: now,
        acknowledgedAt: person ? now : null,
        acknowledgedAtSource: person ? "status_change" : null,
        createdById: person ? actor.userId : null,
        createdByTokenId: actor.kind === "token" ? actor.tokenId : null,
        updatedAt: now,
      })
      .returning()
  )[0]!;
  if (person) {
    await tx.insert(incidentRoles).values({ incidentId: incident.id, userId: actor.userId, role: "commander", assignedAt: now });
  }
  await appendEvent(tx, actor, { incidentId: incident.id, type: "incident.declared", payload: { incident: incidentState(incident) } }, now);
  const flags = [incident.private ? "private" : null, incident.drill ? "drill" : null].filter(Boolean);
  await writeTimelineEntry(
    tx,
    actor,
    {
      incidentId: incident.id,
      kind: "status",
      body: `Declared ${data.severity} incident${flags.length ? ` (${flags.join(", ")})` : ""}: ${data.title}${
        person ? `. ${actor.name} is incident commander.` : ""
      }`,
      meta: { field: "status", from: null, to: "investigating" },
      highlighted: true,
    },
    now,
  );
  for (const [index, link] of (data.services ?? []).entries()) {
    await linkServiceInTx(tx, actor, incident, link.service, link.impact, now, `services.${index}.service`);
  }
  const serviceIds = data.services?.length ? (await linkedServices(tx, incident.id)).map((s) => s.serviceId) : [];
  await applyMatchingPlaybooks(tx, actor, incident, serviceIds, now);
  await refreshSpendFor(tx, { incidentId: incident.id, before: null });
  if (serviceIds.length) await emitServicesChanged(tx, actor, incident.id, now);
  await refreshIncidentFacts(tx, incident.id);
  await recordAudit(tx, actor, { action: "incident.declare", entityType: "incident", entityId: incident.id, after: incident }, now);
  return incident;
}
