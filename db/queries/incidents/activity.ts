import "server-only";
import { sql } from "drizzle-orm";
import type { Actor } from "@/lib/actor";
import { getDb } from "../../client";
import { timelineEntries } from "../../schema";
import { amongVisible, readableIncident } from "../../access/incidents";
import { jsonField } from "../../dialect-sql";

/** Last timeline write per incident the actor may see: drives "stale" markers and live refresh. */
export async function lastActivity({ actor, incidentIds }: { actor: Actor; incidentIds: number[] }): Promise<Map<number, { at: number; entryId: number }>> {
  const map = new Map<number, { at: number; entryId: number }>();
  if (incidentIds.length === 0) return map;
  const db = getDb();
  const rows = await db
    .select({
      incidentId: timelineEntries.incidentId,
      at: sql<number>`max(${timelineEntries.createdAt})`,
      entryId: sql<number>`max(${timelineEntries.id})`,
    })
    .from(timelineEntries)
    .where(amongVisible(db, actor, timelineEntries.incidentId, incidentIds))
    .groupBy(timelineEntries.incidentId);
  for (const row of rows) map.set(row.incidentId, { at: row.at, entryId: row.entryId });
  return map;
}

/**
 * When stakeholders last heard about an incident: its latest update message or status change,
 * else its declaration. The update cadence counts from here.
 */
export async function lastStakeholderUpdateAt({ actor, incidentId }: { actor: Actor; incidentId: number }): Promise<number> {
  const db = getDb();
  const incident = await readableIncident(db, actor, incidentId);
  const row = (
    await db
      .select({ at: sql<number | null>`max(${timelineEntries.createdAt})` })
      .from(timelineEntries)
      .where(
        sql`${timelineEntries.incidentId} = ${incidentId} AND (${timelineEntries.kind} = 'status' OR (${timelineEntries.kind} = 'update' AND ${jsonField(timelineEntries.meta, "field")} = 'message'))`,
      )
  )[0];
  return Math.max(row?.at ?? 0, incident.declaredAt);
}
