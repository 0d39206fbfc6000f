import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Actor } from "@/lib/actor";
import { notFound } from "@/lib/errors";
import { UNFINISHED_STATUSES, actionItemProgress } from "@/lib/action-items";
import { getDb } from "../../client";
import { actionItems, incidents } from "../../schema";
import type { Reader } from "../../types";
import { findVisibleIncident, visibleTo } from "../../access/incidents";
import { findVisibleItem, selectViews, today, toView, viewById, type ActionItemProgress, type ActionItemView } from "./views";

export async function getActionItem({ actor, id }: { actor: Actor; id: number }): Promise<ActionItemView> {
  const db = getDb();
  return viewById(db, (await findVisibleItem(db, actor, id)).id);
}

/** An incident's items, unfinished first then by due date, with progress; 404 when the incident is hidden. */
export async function actionItemsForIncident({ actor, incidentId }: { actor: Actor; incidentId: number }): Promise<{
  items: ActionItemView[];
  progress: ActionItemProgress;
}> {
  const db = getDb();
  if (!(await findVisibleIncident(db, actor, incidentId))) throw notFound();
  return actionItemsOf(db, incidentId);
}

/** The same for any reader (the caller checked access): what live events carry. */
export async function actionItemsOf(db: Reader, incidentId: number): Promise<{ items: ActionItemView[]; progress: ActionItemProgress }> {
  const day = today();
  const items = (
    await selectViews(db)
      .where(eq(actionItems.incidentId, incidentId))
      .orderBy(sql`CASE WHEN ${actionItems.status} IN ('open','in_progress') THEN 0 ELSE 1 END`, asc(actionItems.dueDate), asc(actionItems.id))
  ).map((row) => toView(row, day));
  return { items, progress: actionItemProgress(items) };
}

/** Unfinished items per incident the actor can see, for lists that show "N open action items". */
export async function openActionItemCounts({ actor, incidentIds }: { actor: Actor; incidentIds: number[] }): Promise<Map<number, number>> {
  const map = new Map<number, number>();
  if (incidentIds.length === 0) return map;
  const visible = visibleTo(actor);
  const rows = await getDb()
    .select({ incidentId: actionItems.incidentId, n: sql<number>`count(*)` })
    .from(actionItems)
    .innerJoin(incidents, eq(incidents.id, actionItems.incidentId))
    .where(and(inArray(actionItems.incidentId, incidentIds), inArray(actionItems.status, [...UNFINISHED_STATUSES]), visible))
    .groupBy(actionItems.incidentId);
  for (const row of rows) map.set(row.incidentId, row.n);
  return map;
}
