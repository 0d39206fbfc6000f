import "server-only";
import { and, eq, inArray, lt, notExists } from "drizzle-orm";
import { ORGANISATION_TIME_ZONE, todayIn, UNFINISHED_STATUSES } from "@/lib/action-items";
import { overdueNotification } from "@/lib/webhooks/event-mapping";
import { actionItemOverdueNotices, actionItems, users } from "../../schema";
import type { Db } from "../../types";
import { incidentContext, queueNotification, subscribers } from "./queue";
import { transaction } from "../../transaction";

/**
 * Announces action items whose due day has passed and that are still open: records the
 * announcement (once per item and due date; a new due date can be announced again) and queues the
 * `action_item.overdue` deliveries in the same transaction. Items overdue before any endpoint
 * subscribed are recorded too, so a new endpoint is not flooded with old ones.
 */
export async function announceOverdueActionItems(
  db: Db,
  options: { baseUrl: string | null; now?: number; batch?: number },
): Promise<{ announced: number; queued: number }> {
  const now = options.now ?? Date.now();
  const today = todayIn(ORGANISATION_TIME_ZONE, now);
  return await transaction(async (tx) => {
    const n = actionItemOverdueNotices;
    const due = await tx
      .select({
        id: actionItems.id,
        incidentId: actionItems.incidentId,
        title: actionItems.title,
        dueDate: actionItems.dueDate,
        priority: actionItems.priority,
        status: actionItems.status,
        owner: users.name,
      })
      .from(actionItems)
      .leftJoin(users, eq(users.id, actionItems.ownerId))
      .where(
        and(
          inArray(actionItems.status, [...UNFINISHED_STATUSES]),
          lt(actionItems.dueDate, today),
          notExists(
            tx
              .select({ one: n.id })
              .from(n)
              .where(and(eq(n.actionItemId, actionItems.id), eq(n.dueDate, actionItems.dueDate))),
          ),
        ),
      )
      .limit(options.batch ?? 200);
    if (due.length === 0) return { announced: 0, queued: 0 };
    const endpoints = (await subscribers(tx)).filter((e) => e.events.has("action_item.overdue"));
    let queued = 0;
    for (const item of due) {
      await tx.insert(n).values({ actionItemId: item.id, dueDate: item.dueDate, at: now }).onConflictDoNothing();
      const context = endpoints.length ? await incidentContext(tx, item.incidentId) : null;
      if (!context) continue;
      const { incidentId, ...rest } = item;
      const note = overdueNotification(rest, context.incident, { commander: context.commander, baseUrl: options.baseUrl }, now);
      queued += await queueNotification(tx, endpoints, note, now, { incidentId }, now);
    }
    return { announced: due.length, queued };
  });
}
