import "server-only";
import { eq, isNull, sql } from "drizzle-orm";
import type { FirstRunCounts } from "@/lib/first-run";
import { getDb } from "../client";
import { apiTokens, incidents, services, slos, users } from "../schema";
import type { Reader } from "../types";

/** What a new installation has set up so far (counts for the first-run checklist). */
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
    drills: db.select({ n: count }).from(incidents).where(eq(incidents.drill, true)).get()?.n ?? 0,
  };
}
