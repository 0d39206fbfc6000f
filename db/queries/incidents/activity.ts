import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "../../client";
import { timelineEntries } from "../../schema";

/** Last timeline write per incident: drives "stale" markers and live refresh. */
export function lastActivity(incidentIds: number[]): Map<number, { at: number; entryId: number }> {
  const map = new Map<number, { at: number; entryId: number }>();
  if (incidentIds.length === 0) return map;
  const rows = getDb()
    .select({
      incidentId: timelineEntries.incidentId,
      at: sql<number>`max(${timelineEntries.createdAt})`,
      entryId: sql<number>`max(${timelineEntries.id})`,
    })
    .from(timelineEntries)
    .where(sql`${timelineEntries.incidentId} IN (${sql.join(incidentIds.map((id) => sql`${id}`), sql`, `)})`)
    .groupBy(timelineEntries.incidentId)
    .all();
  for (const row of rows) map.set(row.incidentId, { at: row.at, entryId: row.entryId });
  return map;
}

/**
 * When stakeholders last heard about an incident: its latest update message or status change,
 * else its declaration. The update cadence counts from here.
 */
export function lastStakeholderUpdateAt(incidentId: number, declaredAt: number): number {
  const row = getDb()
    .select({ at: sql<number | null>`max(${timelineEntries.createdAt})` })
    .from(timelineEntries)
    .where(
      sql`${timelineEntries.incidentId} = ${incidentId} AND (${timelineEntries.kind} = 'status' OR (${timelineEntries.kind} = 'update' AND json_extract(${timelineEntries.meta}, '$.field') = 'message'))`,
    )
    .get();
  return Math.max(row?.at ?? 0, declaredAt);
}
