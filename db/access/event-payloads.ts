import "server-only";
import { eq } from "drizzle-orm";
import type { Actor } from "@/lib/actor";
import { incidentReference } from "@/lib/validation/incident";
import { incidents, type Incident, type TimelineEntry } from "../schema";
import type { Reader, Writer } from "../types";
import type { IncidentState, TimelineItem } from "../queries/events/types";
import { appendEvent } from "./events";

/** The incident's own fields as events carry them (who created it stays out: visibility is decided per reader). */
export function incidentState(incident: Incident): IncidentState {
  const { createdById: _user, createdByTokenId: _token, ...state } = incident;
  return { ...state, reference: incidentReference(incident.id) };
}

/** A timeline entry as the incident page renders it. */
export function timelineItem(entry: TimelineEntry): TimelineItem {
  return {
    id: entry.id,
    occurredAt: entry.occurredAt,
    createdAt: entry.createdAt,
    kind: entry.kind,
    body: entry.body,
    authorLabel: entry.authorLabel,
    highlighted: entry.highlighted,
    stakeholderUpdate: entry.kind === "update" && entry.meta?.includes('"field":"message"') === true,
  };
}

async function incidentRow(db: Reader, incidentId: number): Promise<Incident> {
  return (await db.select().from(incidents).where(eq(incidents.id, incidentId)))[0]!;
}

/**
 * `incident.updated` with the incident as it is now in this transaction; `changed` names the fields.
 * `before` (the row before the change) adds `previous` status/severity when those changed.
 */
export async function emitIncidentUpdated(
  tx: Writer,
  actor: Actor | null,
  incidentId: number,
  changed: string[],
  now: number,
  before?: Pick<Incident, "status" | "severity">,
) {
  const previous: Partial<Pick<Incident, "status" | "severity">> = {};
  if (before && changed.includes("status")) previous.status = before.status;
  if (before && changed.includes("severity")) previous.severity = before.severity;
  const payload = { changed, incident: incidentState(await incidentRow(tx, incidentId)), ...(Object.keys(previous).length ? { previous } : {}) };
  await appendEvent(tx, actor, { incidentId, type: "incident.updated", payload }, now);
}

export async function emitTimelineEntry(
  tx: Writer,
  actor: Actor | null,
  entry: TimelineEntry,
  type: "timeline.entry_added" | "timeline.entry_updated",
  now: number,
) {
  await appendEvent(tx, actor, { incidentId: entry.incidentId, type, payload: { entry: timelineItem(entry) } }, now);
}
