"use server";
import { requireActor } from "@/server/auth/session";
import { actionResult } from "@/lib/action-result";
import { notFound } from "@/lib/errors";
import { parseReference } from "@/lib/validation/incident";
import { setChecklistItemDone } from "@/db/commands/incidents/checklist";

/** Checks or unchecks one item of this incident's checklist; the data layer checks role and visibility. */
export async function setChecklistItemDoneAction(ref: string, itemId: number, done: boolean) {
  const actor = await requireActor();
  return actionResult(async () => {
    const incidentId = parseReference(String(ref));
    if (!incidentId) throw notFound();
    const item = await setChecklistItemDone({ actor, incidentId, itemId: Number(itemId), done });
    return { id: item.id, doneAt: item.doneAt, doneByLabel: item.doneByLabel };
  });
}
