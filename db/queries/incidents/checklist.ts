import "server-only";
import { asc, eq } from "drizzle-orm";
import type { Actor } from "@/lib/actor";
import { getDb } from "../../client";
import { checklistItems, type ChecklistItem } from "../../schema";
import type { Reader } from "../../types";
import { readableIncident } from "../../access/incidents";

export type { ChecklistItem };

/** The incident's checklist in order; 404 when the incident is not visible to the actor. */
export async function listChecklist({ actor, incidentId }: { actor: Actor; incidentId: number }): Promise<ChecklistItem[]> {
  const db = getDb();
  await readableIncident(db, actor, incidentId);
  return checklistOf(db, incidentId);
}

/** The incident's checklist in order, for any reader (the caller checked access). */
export async function checklistOf(db: Reader, incidentId: number): Promise<ChecklistItem[]> {
  const inOrder = [asc(checklistItems.position), asc(checklistItems.id)];
  return await db
    .select()
    .from(checklistItems)
    .where(eq(checklistItems.incidentId, incidentId))
    .orderBy(...inOrder);
}
