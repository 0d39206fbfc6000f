import "server-only";
import type { Actor } from "@/lib/actor";
import { getDb } from "../../client";
import { readableIncident } from "../../access/incidents";
import { linkedServices, type LinkedService } from "../../access/linked-services";

export type { LinkedService };

/** The services an incident affects, with their impact; 404 when the incident is not visible. */
export async function listLinkedServices({ actor, incidentId }: { actor: Actor; incidentId: number }): Promise<LinkedService[]> {
  const db = getDb();
  await readableIncident(db, actor, incidentId);
  return linkedServices(db, incidentId);
}
