import "server-only";
import { and, asc, desc, eq, inArray, not, sql, type SQL } from "drizzle-orm";
import type { Actor } from "@/lib/actor";
import { AppError, validationFailed } from "@/lib/errors";
import { parseInput } from "@/lib/validation/parse";
import { listActionItemsSchema } from "@/lib/validation/action-item";
import { parseReference } from "@/lib/validation/incident";
import { UNFINISHED_STATUSES } from "@/lib/action-items";
import { decodeCursor, encodeCursor } from "@/lib/cursor";
import { getDb } from "../../client";
import { actionItems, services, teamMembers, users } from "../../schema";
import { visibleTo } from "../../access/incidents";
import { selectViews, today, toView, type ActionItemView } from "./views";

const dayKey = (date: string) => Number(date.replaceAll("-", ""));
const dayFromKey = (key: number) => {
  const s = String(key).padStart(8, "0");
  return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`;
};

/**
 * Action items across the incidents the actor can see, filtered and sorted by due date
 * (soonest first; `sort=-due` for latest first), a page at a time.
 */
export async function listActionItems({ actor, query }: { actor: Actor; query: unknown }): Promise<{ items: ActionItemView[]; nextCursor: string | null }> {
  const filter = parseInput(listActionItemsSchema, query);
  const day = today();
  const conditions: SQL[] = [];
  const visible = visibleTo(actor);
  if (visible) conditions.push(visible);
  if (filter.owner === "me") {
    if (actor.kind !== "user") throw validationFailed({ owner: '"me" needs a signed-in person; give a user id or email' });
    conditions.push(eq(actionItems.ownerId, actor.userId));
  } else if (filter.owner?.includes("@")) {
    conditions.push(eq(users.email, filter.owner));
  } else if (filter.owner) {
    conditions.push(eq(actionItems.ownerId, Number(filter.owner)));
  }
  if (filter.team !== undefined) {
    conditions.push(sql`EXISTS (SELECT 1 FROM ${teamMembers} WHERE ${teamMembers.teamId} = ${filter.team} AND ${teamMembers.userId} = ${actionItems.ownerId})`);
  }
  if (filter.service) conditions.push(eq(services.slug, filter.service));
  if (filter.priority) conditions.push(inArray(actionItems.priority, filter.priority));
  if (filter.incident) conditions.push(eq(actionItems.incidentId, parseReference(filter.incident)!));
  if (filter.overdue) {
    const overdue = and(inArray(actionItems.status, [...UNFINISHED_STATUSES]), sql`${actionItems.dueDate} < ${day}`)!;
    conditions.push(filter.overdue === "1" || filter.overdue === "true" ? overdue : not(overdue));
  }
  const ascending = filter.sort === "due";
  if (filter.cursor) {
    const c = decodeCursor(filter.cursor);
    if (!c || c.rank !== (ascending ? 1 : -1)) {
      throw new AppError("validation_failed", "cursor is not valid for this sort; use nextCursor from a previous page", { cursor: "Invalid cursor" });
    }
    const due = dayFromKey(c.at);
    conditions.push(
      ascending
        ? sql`(${actionItems.dueDate} > ${due} OR (${actionItems.dueDate} = ${due} AND ${actionItems.id} > ${c.id}))`
        : sql`(${actionItems.dueDate} < ${due} OR (${actionItems.dueDate} = ${due} AND ${actionItems.id} < ${c.id}))`,
    );
  }
  const db = getDb();
  const read = async (status: SQL | undefined) =>
    await selectViews(db)
      .where(and(...conditions, status))
      .orderBy(...(ascending ? [asc(actionItems.dueDate), asc(actionItems.id)] : [desc(actionItems.dueDate), desc(actionItems.id)]))
      .limit(filter.limit + 1);
  // Several statuses (the default "open,in_progress"): one page per status read in due order from
  // action_items_due_idx, then merged, rather than every unfinished item read and sorted.
  const several = filter.status && filter.status.length > 1 ? filter.status : null;
  const perStatus: Awaited<ReturnType<typeof read>> = [];
  if (several) for (const status of several) perStatus.push(...(await read(eq(actionItems.status, status))));
  const rows = several
    ? perStatus.sort((a, b) => (ascending ? 1 : -1) * (a.item.dueDate.localeCompare(b.item.dueDate) || a.item.id - b.item.id)).slice(0, filter.limit + 1)
    : await read(filter.status ? eq(actionItems.status, filter.status[0]!) : undefined);
  const items = rows.slice(0, filter.limit).map((row) => toView(row, day));
  const last = items[items.length - 1];
  const nextCursor = rows.length > filter.limit && last ? encodeCursor({ rank: ascending ? 1 : -1, at: dayKey(last.dueDate), id: last.id }) : null;
  return { items, nextCursor };
}
