import "server-only";
import { eq } from "drizzle-orm";
import type { Actor } from "@/lib/actor";
import { requirePermission } from "@/lib/policy";
import { parseInput } from "@/lib/validation/parse";
import { updateActionItemSchema } from "@/lib/validation/action-item";
import { ACTION_STATUS_INFO, isFinished } from "@/lib/action-items";
import { actionItems, users, type ActionItem } from "../../schema";
import type { Reader } from "../../types";
import { staleError, updateVersioned } from "../../versioned";
import { recordAudit } from "../../access/audit";
import { writeTimelineEntry } from "../../access/timeline";
import { findVisibleItem, today, viewById, type ActionItemView } from "../../queries/action-items/views";
import { activeOwner, existingService } from "./references";
import { emitActionItemsChanged } from "../events/emit";
import { transaction } from "../../transaction";

const EDITABLE = ["title", "description", "ownerId", "dueDate", "priority", "kind", "status", "trackerUrl", "serviceId"] as const;

/**
 * Changes an item with the version last read; a stale version gets 409 with the current
 * item. A status or owner change writes a timeline entry on its incident; every change
 * an audit record. Done / won't do stamps completedAt; reopening clears it.
 */
export async function updateActionItem({ actor, id, input }: { actor: Actor; id: number; input: unknown }): Promise<ActionItemView> {
  const now = Date.now();
  return await transaction(async (tx) => {
    const current = await findVisibleItem(tx, actor, id);
    requirePermission(actor, "action-item", "edit");
    const data = parseInput(updateActionItemSchema, input);
    if (data.version !== current.version) throw await staleItem(tx, current);

    const next: Partial<ActionItem> = {
      title: data.title,
      description: data.description,
      dueDate: data.dueDate,
      priority: data.priority,
      kind: data.kind,
      status: data.status,
      trackerUrl: data.trackerUrl,
    };
    const newOwner = data.ownerId !== undefined || data.ownerEmail !== undefined ? await activeOwner(tx, data) : null;
    if (newOwner) next.ownerId = newOwner.id;
    const serviceId = await existingService(tx, data);
    if (serviceId !== undefined) next.serviceId = serviceId;
    const changes: Partial<ActionItem> = {};
    for (const field of EDITABLE) {
      const value = next[field];
      if (value !== undefined && value !== current[field]) (changes as Record<string, unknown>)[field] = value;
    }
    if (Object.keys(changes).length === 0) return viewById(tx, current.id, today(now));
    if (changes.status) changes.completedAt = isFinished(changes.status) ? now : null;

    const updated = await updateVersioned(tx, actionItems, current, changes, now, () => staleItem(tx, current));

    const title = updated.title;
    if (changes.status) {
      await writeTimelineEntry(
        tx,
        actor,
        {
          incidentId: current.incidentId,
          kind: "action_item",
          body: `Action item “${title}”: ${ACTION_STATUS_INFO[current.status].label} → ${ACTION_STATUS_INFO[changes.status].label}`,
          meta: { field: "action_item.status", actionItemId: current.id, from: current.status, to: changes.status },
        },
        now,
      );
    }
    if (changes.ownerId !== undefined) {
      const before = current.ownerId === null ? null : (await tx.select({ name: users.name }).from(users).where(eq(users.id, current.ownerId)))[0];
      await writeTimelineEntry(
        tx,
        actor,
        {
          incidentId: current.incidentId,
          kind: "action_item",
          body: `Action item “${title}”: owner ${before?.name ?? "nobody"} → ${newOwner!.name}`,
          meta: { field: "action_item.owner", actionItemId: current.id, from: current.ownerId, to: changes.ownerId },
        },
        now,
      );
    }
    await emitActionItemsChanged(tx, actor, current.incidentId, now);
    const before = Object.fromEntries(Object.keys(changes).map((k) => [k, current[k as keyof ActionItem]]));
    await recordAudit(tx, actor, { action: "action_item.update", entityType: "action_item", entityId: current.id, before, after: changes }, now);
    return viewById(tx, updated.id, today(now));
  });
}

/** 409 with the current item, so the client can show both and try again. */
async function staleItem(tx: Reader, item: ActionItem) {
  const current = await viewById(tx, item.id);
  return staleError("action item", current.version, current);
}
