import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import { getDb } from "../client";
import { contributingFactors, postmortemFactors, type ContributingFactor } from "../schema";
import type { Reader } from "../types";

export type Factor = Pick<ContributingFactor, "id" | "name" | "description" | "archived">;

export const factorColumns = {
  id: contributingFactors.id,
  name: contributingFactors.name,
  description: contributingFactors.description,
  archived: contributingFactors.archived,
};

/** The taxonomy, by name; archived factors only when asked (they stay on postmortems that used them). */
export async function readFactors({ includeArchived = false }: { includeArchived?: boolean } = {}, db: Reader = getDb()): Promise<Factor[]> {
  return await db
    .select(factorColumns)
    .from(contributingFactors)
    .where(includeArchived ? undefined : eq(contributingFactors.archived, false))
    .orderBy(asc(contributingFactors.name));
}

/** How many postmortems use each contributing factor (factor id → count). */
export async function readFactorUsage(db: Reader = getDb()): Promise<Map<number, number>> {
  const rows = await db
    .select({ factorId: postmortemFactors.factorId, n: sql<number>`count(*)` })
    .from(postmortemFactors)
    .groupBy(postmortemFactors.factorId);
  return new Map(rows.map((r) => [r.factorId, r.n]));
}
