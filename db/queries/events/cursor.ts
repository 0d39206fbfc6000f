import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Actor } from "@/lib/actor";
import { getDb } from "../../client";
import { events } from "../../schema";
import { readableIncident } from "../../access/incidents";

/**
 * The newest event id, of one incident (404 when not readable) or of the whole log: a page reads it
 * BEFORE its data and subscribes from it, so an event written between render and subscription is replayed.
 */
export async function latestEventId({ actor, incidentId }: { actor: Actor; incidentId?: number }): Promise<number> {
  const db = getDb();
  if (incidentId === undefined) return (await db.select({ id: sql<number | null>`max(${events.id})` }).from(events))[0]?.id ?? 0;
  await readableIncident(db, actor, incidentId);
  return (
    (
      await db
        .select({ id: sql<number | null>`max(${events.id})` })
        .from(events)
        .where(eq(events.incidentId, incidentId))
    )[0]?.id ?? 0
  );
}
