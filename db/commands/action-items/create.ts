import "server-only";
import type { Actor } from "@/lib/actor";
import { notFound } from "@/lib/errors";
import { requirePermission } from "@/lib/policy";
import { parseInput } from "@/lib/validation/parse";
import { createActionItemSchema } from "@/lib/validation/action-item";
import { defaultDueDate, formatDueDate, isFinished } from "@/lib/action-items";
import { actionItems } from "../../schema";
import { recordAudit } from "../../access/audit";
import { writeTimelineEntry } from "../../access/timeline";
import { findVisibleIncident } from "../../access/incidents";
import { today, viewById, type ActionItemView } from "../../queries/action-items/views";
import { activeOwner, existingService } from "./references";
import { emitActionItemsChanged } from "../events/emit";
import { transaction } from "../../transaction";

/**
 * Adds an action item to an incident (responders). The due date defaults by priority; a
 * timeline entry on the incident and an audit record go in the same transaction.
 */
export async function createActionItem({ actor, incidentId, input }: { actor: Actor; incidentId: number; input: unknown }): Promise<ActionItemView> {
  const now = Date.now();
  return await transaction(async (tx) => {
    if (!(await findVisibleIncident(tx, actor, incidentId))) throw notFound();
    requirePermission(actor, "action-item", "create");
    const data = parseInput(createActionItemSchema, input);
    const owner = await activeOwner(tx, data);
    const status = data.status ?? "open";
    const item = (
      await tx
        .insert(actionItems)
        .values({
          incidentId,
          title: data.title,
          description: data.description ?? "",
          ownerId: owner.id,
          dueDate: data.dueDate ?? defaultDueDate(data.priority, today(now)),
          priority: data.priority,
          kind: data.kind,
          status,
          trackerUrl: data.trackerUrl ?? null,
          serviceId: (await existingService(tx, data)) ?? null,
          createdById: actor.kind === "user" ? actor.userId : null,
          createdAt: now,
          updatedAt: now,
          completedAt: isFinished(status) ? now : null,
        })
        .returning()
    )[0]!;
    await writeTimelineEntry(
      tx,
      actor,
      {
        incidentId,
        kind: "action_item",
        body: `Action item added: ${item.title} (${item.priority}, owner ${owner.name}, due ${formatDueDate(item.dueDate)})`,
        meta: { field: "action_item", actionItemId: item.id, from: null, to: item.status },
      },
      now,
    );
    await emitActionItemsChanged(tx, actor, incidentId, now);
    await recordAudit(tx, actor, { action: "action_item.create", entityType: "action_item", entityId: item.id, after: item }, now);
    return viewById(tx, item.id, today(now));
  });
}
