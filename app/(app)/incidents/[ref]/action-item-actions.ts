"use server";
import { revalidatePath } from "next/cache";
import { requireActor } from "@/server/auth/session";
import { actionResult } from "@/lib/action-result";
import { notFound } from "@/lib/errors";
import { parseReference } from "@/lib/validation/incident";
import { createActionItem } from "@/db/commands/action-items/create";

/**
 * Adds an action item to the incident `ref` (the incident page and the postmortem editor
 * both use it); the data layer checks visibility, role and every field.
 */
export async function createActionItemAction(ref: string, input: Record<string, unknown>) {
  const actor = await requireActor();
  return actionResult(async () => {
    const incidentId = parseReference(String(ref));
    if (!incidentId) throw notFound();
    const item = await createActionItem({ actor, incidentId, input });
    // "layout": the incident page and the pages under it (postmortem).
    revalidatePath(`/incidents/${item.incidentReference}`, "layout");
    revalidatePath("/action-items");
    return { id: item.id, title: item.title, dueDate: item.dueDate };
  });
}
