import "server-only";
import { asc, eq } from "drizzle-orm";
import type { ImpactLevel } from "@/lib/error-budget";
import { incidentServices, services, teams } from "../schema";
import type { Reader } from "../types";

export type LinkedService = { serviceId: number; slug: string; name: string; tier: number; teamName: string | null; impact: ImpactLevel; linkedAt: number };

/** The services an incident affects, most critical tier first (the caller checked access). */
export async function linkedServices(db: Reader, incidentId: number): Promise<LinkedService[]> {
  return await db
    .select({
      serviceId: services.id,
      slug: services.slug,
      name: services.name,
      tier: services.tier,
      teamName: teams.name,
      impact: incidentServices.impact,
      linkedAt: incidentServices.linkedAt,
    })
    .from(incidentServices)
    .innerJoin(services, eq(services.id, incidentServices.serviceId))
    .leftJoin(teams, eq(teams.id, services.teamId))
    .where(eq(incidentServices.incidentId, incidentId))
    .orderBy(asc(services.tier), asc(services.name));
}
