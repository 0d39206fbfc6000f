import "server-only";
import { eq, max } from "drizzle-orm";
import type { Actor } from "@/lib/actor";
import { alerts, incidents, type AlertRow } from "../../schema";
import type { Tx } from "../../types";
import { appendEvent } from "../../access/events";
import { recordAudit } from "../../access/audit";
import { incidentAlertsState } from "../../access/integrations";
import { writeTimelineEntry } from "../../access/timeline";
import { applyIncidentUpdate } from "../incidents/update";

/** What one request did to one incident's alerts. */
export type IncidentAlertChanges = {
  firing: AlertRow[];
  resolved: AlertRow[];
  acknowledged: AlertRow[];
  /** The incident was declared by this request. */
  declaredNow: boolean;
  /** A resolved alert's rule says to mitigate the incident once every alert has resolved. */
  resolveIncident: boolean;
};

const keys = (rows: AlertRow[]) => rows.map((r) => r.dedupKey);

/**
 * After a request changed an incident's alerts (same transaction): the `alerts.changed` event, the
 * audit record, and what the alerts imply for the incident. An acknowledgement at the source sets
 * acknowledgedAt (source "alert") when nobody has; when every alert has resolved and the rule says
 * `resolveIncident`, mitigatedAt is set to the last alert's end (source "alert") and an incident still
 * investigating or identified moves to monitoring (DESIGN.md: monitoring = impact stopped). Times a
 * person already set are never overwritten.
 */
export async function afterIncidentAlertsChanged(tx: Tx, actor: Actor, incidentId: number, changes: IncidentAlertChanges, now: number) {
  const state = await incidentAlertsState(tx, incidentId);
  let incident = (await tx.select().from(incidents).where(eq(incidents.id, incidentId)))[0]!;
  if (changes.acknowledged.length && incident.acknowledgedAt === null) {
    incident = await applyIncidentUpdate(tx, actor, incidentId, { version: incident.version, acknowledgedAt: now }, "alert");
  }
  if (changes.resolved.length && state.allResolved) {
    const note = state.total === 1 ? "The alert of this incident has resolved" : `All ${state.total} alerts of this incident have resolved`;
    if (changes.resolveIncident && incident.mitigatedAt === null && incident.resolvedAt === null) {
      const lastEnd =
        (
          await tx
            .select({ at: max(alerts.endsAt) })
            .from(alerts)
            .where(eq(alerts.incidentId, incidentId))
        )[0]?.at ?? now;
      const mitigatedAt = Math.min(now, Math.max(lastEnd, incident.startedAt));
      const moveToMonitoring = incident.status === "investigating" || incident.status === "identified";
      await writeTimelineEntry(
        tx,
        actor,
        { incidentId, kind: "alert", body: `${note}: marking the incident mitigated, as the routing rule says`, highlighted: true },
        now,
      );
      incident = await applyIncidentUpdate(
        tx,
        actor,
        incidentId,
        { version: incident.version, mitigatedAt, ...(moveToMonitoring ? { status: "monitoring" } : {}) },
        "alert",
      );
    } else {
      await writeTimelineEntry(tx, actor, { incidentId, kind: "alert", body: note, highlighted: true }, now);
    }
  }
  await appendEvent(tx, actor, { incidentId, type: "alerts.changed", payload: state }, now);
  await recordAudit(
    tx,
    actor,
    {
      action: "incident.alerts",
      entityType: "incident",
      entityId: incidentId,
      after: { firing: keys(changes.firing), resolved: keys(changes.resolved), acknowledged: keys(changes.acknowledged), allResolved: state.allResolved },
    },
    now,
  );
}
