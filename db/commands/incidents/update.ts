import "server-only";
import { and, eq } from "drizzle-orm";
import type { Actor } from "@/lib/actor";
import { AppError } from "@/lib/errors";
import { updateIncidentSchema, type UpdateIncidentInput } from "@/lib/validation/incident";
import { parseInput } from "@/lib/validation/parse";
import { STATUS_INFO, statusMoveTimestamps } from "@/lib/incident-status";
import { TIMESTAMP_FIELDS, TIMESTAMP_LABELS, timestampOrderErrors, type TimestampField } from "@/lib/incident-timestamps";
import { formatUtc } from "@/lib/format-time";
import { incidentRoles, incidents, type Incident } from "../../schema";
import type { Tx } from "../../types";
import { staleError, updateVersioned } from "../../versioned";
import { recordAudit } from "../../access/audit";
import { refreshIncidentFacts } from "../../access/incident-facts";
import { writeTimelineEntry } from "../../access/timeline";
import { editableIncident, findVisibleIncident, rolesOf } from "../../access/incidents";
import { personFrom } from "../../access/people";
import { getIncident, incidentDetail, type IncidentDetail } from "../../queries/incidents/detail";
import { linkedServices } from "../../access/linked-services";
import { applyMatchingPlaybooks } from "./checklist";
import { autoCheckAfterIncidentChange } from "./checklist-auto";
import { emitIncidentUpdated } from "../../access/event-payloads";
import { emitRolesChanged, emitSloSpendChanged } from "../events/emit";

/** Fields whose change moves the incident's SLO spend. */
const SPEND_FIELDS = new Set(["startedAt", "mitigatedAt", "resolvedAt", "drill"]);
import { refreshSpendFor, spendSnapshot } from "../../access/slo-spend-segments";
import { transaction } from "../../transaction";

const LEAD_ROLES = [
  { fields: { id: "commanderId", email: "commanderEmail" }, role: "commander", label: "Incident commander" },
  { fields: { id: "communicationsId", email: "communicationsEmail" }, role: "communications", label: "Communications lead" },
  { fields: { id: "scribeId", email: "scribeEmail" }, role: "scribe", label: "Scribe" },
] as const;

/** The 409 for a stale version, with the current incident in API shape so the client can merge. */
const staleVersion = async (tx: Tx, incident: Incident) => staleError("incident", incident.version, await incidentDetail(tx, incident));

/**
 * Applies a change to an incident inside the caller's transaction: checks access and
 * version, fills status timestamps, enforces timestamp order, writes one timeline entry
 * per change and one audit record. Times given explicitly carry `timeSource` ("alert" when alert
 * intake sets them).
 */
export async function applyIncidentUpdate(
  tx: Tx,
  actor: Actor,
  incidentId: number,
  data: UpdateIncidentInput,
  timeSource: "manual" | "alert" = "manual",
): Promise<Incident> {
  const current = await editableIncident(tx, actor, incidentId, "edit");
  if (data.version !== current.version) throw await staleVersion(tx, current);
  const now = Date.now();

  const changes: Partial<Incident> = {};
  const entries: { kind: "status" | "severity" | "role" | "update"; body: string; meta: unknown; highlighted?: boolean }[] = [];

  if (data.title !== undefined && data.title !== current.title) {
    changes.title = data.title;
    entries.push({
      kind: "update",
      body: `Title changed from “${current.title}” to “${data.title}”`,
      meta: { field: "title", from: current.title, to: data.title },
    });
  }
  if (data.summary !== undefined && data.summary !== current.summary) {
    changes.summary = data.summary;
    entries.push({ kind: "update", body: "Summary updated", meta: { field: "summary", from: current.summary, to: data.summary } });
  }
  if (data.severity !== undefined && data.severity !== current.severity) {
    changes.severity = data.severity;
    entries.push({
      kind: "severity",
      body: `Severity changed from ${current.severity} to ${data.severity}`,
      meta: { field: "severity", from: current.severity, to: data.severity },
      highlighted: true,
    });
  }
  for (const flag of ["private", "drill"] as const) {
    if (data[flag] !== undefined && data[flag] !== current[flag]) {
      changes[flag] = data[flag];
      const word = flag === "private" ? (data[flag] ? "Marked private" : "Made visible to everyone") : data[flag] ? "Marked as a drill" : "No longer a drill";
      entries.push({ kind: "update", body: word, meta: { field: flag, from: current[flag], to: data[flag] } });
    }
  }
  if (data.status !== undefined && data.status !== current.status) {
    changes.status = data.status;
    Object.assign(changes, statusMoveTimestamps(current.status, data.status, current, now));
    entries.push({
      kind: "status",
      body: `Status changed from ${STATUS_INFO[current.status].label} to ${STATUS_INFO[data.status].label}`,
      meta: { field: "status", from: current.status, to: data.status },
      highlighted: data.status === "resolved" || data.status === "monitoring",
    });
  }
  // The stakeholder update goes on the timeline in the same write as the status move it explains.
  if (data.message) {
    entries.push({ kind: "update", body: data.message, meta: { field: "message", status: data.status ?? current.status } });
  }

  // Explicit corrections win over what a status move filled in.
  for (const field of TIMESTAMP_FIELDS) {
    const value = data[field];
    if (value === undefined) continue;
    const existing = (field in changes ? changes[field] : current[field]) as number | null;
    if (value === existing) continue;
    (changes as Record<string, unknown>)[field] = value;
    (changes as Record<string, unknown>)[`${field}Source`] = value === null ? null : timeSource;
    const label = TIMESTAMP_LABELS[field];
    entries.push({
      kind: "update",
      body:
        value === null
          ? `${label} time cleared (was ${formatUtc(current[field])})`
          : `${label} time set to ${formatUtc(value)}${current[field] !== null ? ` (was ${formatUtc(current[field])})` : ""}`,
      meta: { field, from: current[field], to: value },
    });
  }

  const merged = { ...current, ...changes };
  const orderProblems = timestampOrderErrors(merged, now);
  if (Object.keys(orderProblems).length) {
    const fields = Object.fromEntries(Object.entries(orderProblems)) as Record<TimestampField, string>;
    throw new AppError("validation_failed", Object.values(fields).join("; "), fields);
  }

  // Lead roles by email or id: null unassigns.
  const peopleBefore = (await rolesOf(tx, [incidentId])).get(incidentId) ?? [];
  let roleChanged = false;
  for (const { fields, role, label } of LEAD_ROLES) {
    const given = { id: data[fields.id], email: data[fields.email] };
    const holder = peopleBefore.find((p) => p.role === role);
    // Naming whoever holds the role already changes nothing (even if their account was since disabled).
    const onlyEmail = given.email !== undefined && given.id === undefined;
    const onlyId = given.id !== undefined && given.email === undefined;
    if (holder && ((onlyEmail && given.email === holder.email) || (onlyId && given.id === holder.userId))) continue;
    const next = await personFrom(tx, given, fields);
    if (next === undefined || (holder?.userId ?? null) === (next?.id ?? null)) continue;
    await tx.delete(incidentRoles).where(and(eq(incidentRoles.incidentId, incidentId), eq(incidentRoles.role, role)));
    if (next) await tx.insert(incidentRoles).values({ incidentId, userId: next.id, role, assignedAt: now });
    roleChanged = true;
    entries.push({
      kind: "role",
      body: next ? `${label}: ${next.name}${holder ? ` (was ${holder.name})` : ""}` : `${label} unassigned (was ${holder?.name})`,
      meta: { field: role, from: holder?.email ?? null, to: next?.email ?? null },
    });
    if (role === "commander" && next && merged.acknowledgedAt === null) {
      changes.acknowledgedAt = now;
      changes.acknowledgedAtSource = "status_change";
    }
  }

  if (entries.length === 0) return current;

  const spendBefore = await spendSnapshot(tx, incidentId);
  const updated = await updateVersioned(tx, incidents, current, changes, now, async () =>
    staleVersion(tx, (await findVisibleIncident(tx, actor, incidentId)) ?? current),
  );
  await emitIncidentUpdated(tx, actor, incidentId, Object.keys(changes), now, current);
  await refreshSpendFor(tx, { incidentId, before: spendBefore });
  for (const entry of entries) await writeTimelineEntry(tx, actor, { incidentId, ...entry }, now);
  if (roleChanged) await emitRolesChanged(tx, actor, incidentId, now);
  if (Object.keys(changes).some((field) => SPEND_FIELDS.has(field)) && (await linkedServices(tx, incidentId)).length)
    await emitSloSpendChanged(tx, actor, incidentId, now);
  // Escalating (say SEV3 → SEV1) brings in the playbooks of the new severity.
  if (changes.severity) await applyMatchingPlaybooks(tx, actor, { id: incidentId, severity: changes.severity }, [], now);
  // Checklist items the system can verify (commander, comms lead, summary) tick themselves.
  if (roleChanged || changes.summary !== undefined)
    await autoCheckAfterIncidentChange(tx, actor, incidentId, { summary: current.summary, people: peopleBefore }, now);

  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const key of Object.keys(changes) as (keyof Incident)[]) {
    before[key] = current[key];
    after[key] = updated[key];
  }
  if (roleChanged) {
    before.people = peopleBefore.map((p) => ({ role: p.role, email: p.email }));
    after.people = ((await rolesOf(tx, [incidentId])).get(incidentId) ?? []).map((p) => ({ role: p.role, email: p.email }));
  }
  await refreshIncidentFacts(tx, incidentId);
  await recordAudit(tx, actor, { action: "incident.update", entityType: "incident", entityId: incidentId, before, after }, now);
  return updated;
}

/** Applies a versioned change; a stale version gets 409 with the current incident. */
export async function updateIncident({ actor, incidentId, input }: { actor: Actor; incidentId: number; input: unknown }): Promise<IncidentDetail> {
  const data = parseInput(updateIncidentSchema, input);
  await transaction(async (tx) => applyIncidentUpdate(tx, actor, incidentId, data));
  return getIncident({ actor, incidentId });
}
