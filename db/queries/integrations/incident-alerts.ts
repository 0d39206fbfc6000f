import "server-only";
import type { Actor } from "@/lib/actor";
import { getDb } from "../../client";
import { readableIncident } from "../../access/incidents";
import { incidentAlertsState } from "../../access/integrations";
import type { IncidentAlerts } from "./views";

/** The alerts of an incident, for everyone who may read the incident (404 otherwise). */
export async function listIncidentAlerts({ actor, incidentId }: { actor: Actor; incidentId: number }): Promise<IncidentAlerts> {
  const db = getDb();
  await readableIncident(db, actor, incidentId);
  return incidentAlertsState(db, incidentId);
}
