import "server-only";
import type { Actor } from "@/lib/actor";
import type { ImpactLevel } from "@/lib/error-budget";
import { getDb } from "../../client";
import type { Incident } from "../../schema";
import type { Reader } from "../../types";
import { readableIncident, rolesOf, type IncidentRoleName, type RolePerson } from "../../access/incidents";
import { linkedServices } from "../../access/linked-services";

export type { Incident, IncidentRoleName, RolePerson };
export type AffectedService = { slug: string; name: string; impact: ImpactLevel };
export type IncidentDetail = Incident & { people: RolePerson[]; services: AffectedService[] };

/** An incident with its people and affected services: the shape pages and the API read. */
export async function incidentDetail(db: Reader, incident: Incident): Promise<IncidentDetail> {
  return {
    ...incident,
    people: (await rolesOf(db, [incident.id])).get(incident.id) ?? [],
    services: (await linkedServices(db, incident.id)).map(({ slug, name, impact }) => ({ slug, name, impact })),
  };
}

/** One incident the actor may see (404 otherwise: a private incident does not exist for outsiders). */
export async function getIncident({ actor, incidentId }: { actor: Actor; incidentId: number }): Promise<IncidentDetail> {
  const db = getDb();
  return incidentDetail(db, await readableIncident(db, actor, incidentId));
}
