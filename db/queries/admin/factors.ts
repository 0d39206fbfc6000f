import "server-only";
import type { Actor } from "@/lib/actor";
import { requirePermission } from "@/lib/policy";
import { readFactors, readFactorUsage, type Factor } from "../../access/factors";

export type { Factor };

/** The taxonomy for pickers and the API (anyone signed in); archived factors only when asked. */
export async function listFactors({ includeArchived = false }: { actor: Actor; includeArchived?: boolean }): Promise<Factor[]> {
  return await readFactors({ includeArchived });
}

/** How many postmortems use each factor, for the taxonomy admin page. */
export async function factorUsageCounts({ actor }: { actor: Actor }): Promise<Map<number, number>> {
  requirePermission(actor, "factor", "manage");
  return await readFactorUsage();
}
