import "server-only";
import { asc, eq } from "drizzle-orm";
import { generateIncidentTimeline } from "@/lib/postmortem-timeline";
import { timelineEntries, type Incident } from "../../schema";
import type { Reader } from "../../types";

/**
 * The timeline section generated from the incident: key times, status/severity changes,
 * highlighted entries and, with `includeAllNotes`, every note (lib/postmortem-timeline.ts).
 */
export async function timelineFromIncident(db: Reader, incident: Incident, includeAllNotes = false): Promise<string> {
  const entries = await db
    .select({
      occurredAt: timelineEntries.occurredAt,
      body: timelineEntries.body,
      authorLabel: timelineEntries.authorLabel,
      kind: timelineEntries.kind,
      highlighted: timelineEntries.highlighted,
    })
    .from(timelineEntries)
    .where(eq(timelineEntries.incidentId, incident.id))
    .orderBy(asc(timelineEntries.occurredAt), asc(timelineEntries.id));
  return generateIncidentTimeline({ entries, keyTimes: incident, includeAllNotes });
}
