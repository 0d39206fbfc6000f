import "server-only";
import { asc, eq } from "drizzle-orm";
import type { Actor } from "@/lib/actor";
import { getDb } from "../../client";
import { timelineEntries, type TimelineEntry } from "../../schema";
import { readableIncident } from "../../access/incidents";

/** The incident's timeline, oldest first; 404 when the incident is not visible to the actor. */
export async function listTimeline({ actor, incidentId }: { actor: Actor; incidentId: number }): Promise<TimelineEntry[]> {
  const db = getDb();
  await readableIncident(db, actor, incidentId);
  return await db
    .select()
    .from(timelineEntries)
    .where(eq(timelineEntries.incidentId, incidentId))
    .orderBy(asc(timelineEntries.occurredAt), asc(timelineEntries.id));
}
