import "server-only";
import { eq, isNull, sql } from "drizzle-orm";
import type { FirstRunCounts } from "@/lib/first-run";
import { getDb } from "../client";
import { apiTokens, incidents, services, slos, users } from "../schema";
import type { Reader } from "../types";

/** What a new installation has set up so far (counts for the first-run checklist; `drills` is 0 or 1). */
export function firstRunCounts(db: Reader = getDb()): FirstRunCounts {
  const count = sql<number>`count(*)`;
  return {
    servicesWithSlo:
      db
        .select({ n: sql<number>`count(DISTINCT ${slos.serviceId})` })
        .from(slos)
        .innerJoin(services, eq(services.id, slos.serviceId))
        .get()?.n ?? 0,
    activeUsers: db.select({ n: count }).from(users).where(eq(users.disabled, false)).get()?.n ?? 0,
    activeTokens: db.select({ n: count }).from(apiTokens).where(isNull(apiTokens.revokedAt)).get()?.n ?? 0,
    // Whether one was run is all the checklist asks: stop at the first (incidents_drill_idx), never count 100k rows.
    drills: db
      .select({ one: sql<number>`1` })
      .from(incidents)
      .where(sql`${incidents.drill} = 1`)
      .limit(1)
      .get()
      ? 1
      : 0,
  };
}
