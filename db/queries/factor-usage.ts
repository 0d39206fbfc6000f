import "server-only";
import { sql } from "drizzle-orm";
import { getDb, type Db } from "../client";
import { postmortemFactors } from "../schema";

/** How many postmortems use each contributing factor (factor id → count), for the taxonomy admin page. */
export function factorUsageCounts(db: Pick<Db, "select"> = getDb()): Map<number, number> {
  const rows = db
    .select({ factorId: postmortemFactors.factorId, n: sql<number>`count(*)` })
    .from(postmortemFactors)
    .groupBy(postmortemFactors.factorId)
    .all();
  return new Map(rows.map((r) => [r.factorId, r.n]));
}
