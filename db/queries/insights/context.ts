import "server-only";
import { eq } from "drizzle-orm";
import type { Actor } from "@/lib/actor";
import { AppError } from "@/lib/errors";
import { bucketKindFor } from "@/lib/insights/buckets";
import { resolveInsightsQuery } from "@/lib/insights/params";
import { offsetWalk } from "@/lib/insights/time-zone";
import { getDb } from "../../client";
import { teams } from "../../schema";
import { findServiceBySlug } from "../../access/services";
import { readOrgTimeZone, readRequiredSeverities } from "../../access/settings";
import type { InsightsContext } from "./scope";

const DAY = 86_400_000;

/** Resolves the query into a context: dates as instants, service and team checked, time zone offsets. */
export async function insightsContext({ actor, query, now = Date.now() }: { actor: Actor; query: unknown; now?: number }) {
  const db = getDb();
  const timeZone = await readOrgTimeZone(db);
  const resolved = resolveInsightsQuery(query, { now, timeZone });
  const { filters, period, previousPeriod } = resolved;
  let serviceId: number | null = null;
  if (filters.service) {
    const service = await findServiceBySlug(db, filters.service);
    if (!service) throw new AppError("validation_failed", `service: No service "${filters.service}"`, { service: "No such service" });
    serviceId = service.id;
  }
  if (filters.team !== null && !(await db.select({ id: teams.id }).from(teams).where(eq(teams.id, filters.team)))[0]) {
    throw new AppError("validation_failed", `team: No team with id ${filters.team}`, { team: "No such team" });
  }
  const previousStart = Date.parse(previousPeriod.startsAt);
  const currentEnd = Date.parse(period.endsAt);
  const ctx: InsightsContext = {
    db,
    actor,
    filters,
    serviceId,
    timeZone,
    // Offsets over the periods, from the earliest instant a figure converts (a repeat's 90 days
    // back) to just past the end: proportional to the range, however far it lies from today.
    offsets: offsetWalk(timeZone, previousStart - 100 * DAY, currentEnd + 2 * DAY),
    bucket: bucketKindFor(period.days),
    now,
    currentStart: Date.parse(period.startsAt),
    currentEnd,
    previousStart,
    requiredSeverities: await readRequiredSeverities(db),
  };
  return { ctx, period, previousPeriod };
}
