import "server-only";
import type { Actor } from "@/lib/actor";
import { getDb } from "../../client";
import { readableIncident } from "../../access/incidents";
import { incidentAlertsState } from "../../access/integrations";
import type { IncidentAlerts } from "./views";

/** The alerts of an incident, for everyone who may read the incident (404 otherwise). */
export function listIncidentAlerts({ actor, incidentId }: { actor: Actor; incidentId: number }): IncidentAlerts {
  const db = getDb();
  readableIncident(db, actor, incidentId);
  return incidentAlertsState(db, incidentId);
}
