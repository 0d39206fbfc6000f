"use server";
import { revalidatePath } from "next/cache";
import { requireActor } from "@/server/auth/session";
import { actionResult } from "@/lib/action-result";
import { updateActionItem } from "@/db/commands/action-items/update";

/**
 * Changes one action item with the version last read (inline status and owner edits, here
 * and on the incident page). A stale version comes back as code "conflict".
 */
export async function updateActionItemAction(id: number, input: Record<string, unknown>) {
  const actor = await requireActor();
  return actionResult(async () => {
    const item = await updateActionItem({ actor, id: Number(id), input });
    revalidatePath("/action-items");
    revalidatePath(`/incidents/${item.incidentReference}`, "layout");
    return { id: item.id, version: item.version, status: item.status, ownerId: item.ownerId };
  });
}
