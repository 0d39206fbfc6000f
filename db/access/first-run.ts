import "server-only";
import { eq, isNull, sql } from "drizzle-orm";
import type { FirstRunCounts } from "@/lib/first-run";
import { getDb } from "../client";
import { apiTokens, incidents, services, slos, users } from "../schema";
import type { Reader } from "../types";
import { isTrue } from "../dialect-sql";

/** What a new installation has set up so far (counts for the first-run checklist; `drills` is 0 or 1). */
export async function firstRunCounts(db: Reader = getDb()): Promise<FirstRunCounts> {
  const count = sql<number>`count(*)`;
  return {
    servicesWithSlo:
      (
        await db
          .select({ n: sql<number>`count(DISTINCT ${slos.serviceId})` })
          .from(slos)
          .innerJoin(services, eq(services.id, slos.serviceId))
      )[0]?.n ?? 0,
    activeUsers: (await db.select({ n: count }).from(users).where(eq(users.disabled, false)))[0]?.n ?? 0,
    activeTokens: (await db.select({ n: count }).from(apiTokens).where(isNull(apiTokens.revokedAt)))[0]?.n ?? 0,
    // Whether one was run is all the checklist asks: stop at the first (incidents_drill_idx), never count 100k rows.
    drills: (
      await db
        .select({ one: sql<number>`1` })
        .from(incidents)
        .where(isTrue(incidents.drill))
        .limit(1)
    )[0]
      ? 1
      : 0,
  };
}
