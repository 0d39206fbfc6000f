import "server-only";
import { asc, eq, inArray } from "drizzle-orm";
import { getDb } from "../client";
import { incidentServices, services } from "../schema";

export type IncidentServiceName = { slug: string; name: string };

/**
 * The services linked to each of a page of incidents (most critical tier first), for lists.
 * The caller passes ids of incidents the reader may already see.
 */
export function serviceNamesFor(incidentIds: number[]): Map<number, IncidentServiceName[]> {
  const map = new Map<number, IncidentServiceName[]>();
  if (incidentIds.length === 0) return map;
  const rows = getDb()
    .select({ incidentId: incidentServices.incidentId, slug: services.slug, name: services.name })
    .from(incidentServices)
    .innerJoin(services, eq(services.id, incidentServices.serviceId))
    .where(inArray(incidentServices.incidentId, incidentIds))
    .orderBy(asc(services.tier), asc(services.name))
    .all();
  for (const { incidentId, ...service } of rows) {
    const list = map.get(incidentId) ?? [];
    list.push(service);
    map.set(incidentId, list);
  }
  return map;
}
