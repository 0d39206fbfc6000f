import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Actor } from "@/lib/actor";
import { AppError } from "@/lib/errors";
import { SEVERITIES } from "@/lib/severity";
import { bucketKindFor, bucketsFor } from "@/lib/insights/buckets";
import { DURATION_BINS } from "@/lib/insights/bins";
import { resolveInsightsQuery } from "@/lib/insights/params";
import { offsetWalk } from "@/lib/insights/time-zone";
import type { InsightsReport, SeverityCounts } from "@/lib/insights/types";
import { getDb } from "../../client";
import { teams } from "../../schema";
import { findServiceBySlug } from "../../access/services";
import { readOrgTimeZone, readRequiredSeverities } from "../../access/settings";
import { actionItemFigures } from "./action-items";
import { durationFigures, durationHistogram, scopeCounts } from "./durations";
import { durationTrend } from "./duration-trend";
import { factorFigures } from "./factors";
import { postmortemFigures } from "./postmortems";
import { responderFigures } from "./responders";
import { fillScope, type InsightsContext } from "./scope";
import { serviceFigures } from "./services";
import { lookupReport, withoutOwnChanges } from "./cache";
import { oneAtATime, QueueFullError, runAtOnce, runInTurns, type Steps } from "@/lib/turns";

const DAY = 86_400_000;

/** Resolves the query into a context: dates as instants, service and team checked, time zone offsets. */
export function insightsContext({ actor, query, now = Date.now() }: { actor: Actor; query: unknown; now?: number }) {
  const db = getDb();
  const timeZone = readOrgTimeZone(db);
  const resolved = resolveInsightsQuery(query, { now, timeZone });
  const { filters, period, previousPeriod } = resolved;
  let serviceId: number | null = null;
  if (filters.service) {
    const service = findServiceBySlug(db, filters.service);
    if (!service) throw new AppError("validation_failed", `service: No service "${filters.service}"`, { service: "No such service" });
    serviceId = service.id;
  }
  if (filters.team !== null && !db.select({ id: teams.id }).from(teams).where(eq(teams.id, filters.team)).get()) {
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
    requiredSeverities: readRequiredSeverities(db),
  };
  return { ctx, period, previousPeriod };
}

const severityCounts = (get: (s: (typeof SEVERITIES)[number]) => number) => Object.fromEntries(SEVERITIES.map((s) => [s, get(s)])) as SeverityCounts;

type InsightsArgs = { actor: Actor; query: unknown; now?: number; fresh?: boolean };

/** Prepares a report: the cached one, or the steps that compute it and where to store the result. */
function prepare({ actor, query, now = Date.now(), fresh = false }: InsightsArgs) {
  const resolved = insightsContext({ actor, query, now });
  const filtersKey = JSON.stringify([resolved.ctx.filters, resolved.ctx.timeZone, resolved.ctx.requiredSeverities]);
  // `fresh` skips the cache (the benchmark's cold figures).
  const cached = fresh ? null : lookupReport(resolved.ctx.db, actor, filtersKey, now);
  const db = resolved.ctx.db;
  const ownStep = <R>(step: () => R) => withoutOwnChanges(db, step);
  return { cached, steps: () => computeInsights(resolved), ownStep };
}

/**
 * Every learning figure for the dashboard and GET /api/v1/insights (DESIGN.md "Learning
 * figures"), computed in SQL over the incidents the actor may see, all at once. For tests and
 * the benchmark; requests use loadInsights.
 */
export function getInsights(args: InsightsArgs): InsightsReport {
  const { cached, steps, ownStep } = prepare(args);
  if (cached && "report" in cached) return cached.report;
  const report = runAtOnce(steps(), ownStep);
  cached?.store(report);
  return report;
}

// One cold computation at a time (they share temp tables on the one connection), a few waiting.
const computations = oneAtATime(3);

/**
 * getInsights for requests: a cold report is computed one step (a few SQL statements) per turn
 * of the event loop, so other requests are answered between the steps instead of waiting
 * seconds behind it; with three reports already waiting, a fourth is refused with 429.
 */
export async function loadInsights(args: InsightsArgs): Promise<InsightsReport> {
  const first = prepare(args);
  if (first.cached && "report" in first.cached) return first.cached.report;
  try {
    return await computations.run(async () => {
      // Another request may have computed the same report while this one waited.
      const { cached, steps, ownStep } = prepare(args);
      if (cached && "report" in cached) return cached.report;
      const report = await runInTurns(steps(), ownStep);
      cached?.store(report);
      return report;
    });
  } catch (error) {
    if (error instanceof QueueFullError) throw new AppError("rate_limited", "Several insights reports are being computed; try again in a few seconds");
    throw error;
  }
}

/** The report, one step per `yield` (each step a few statements, all synchronous). */
function* computeInsights({ ctx, period, previousPeriod }: ReturnType<typeof insightsContext>): Steps<InsightsReport> {
  const now = ctx.now;
  fillScope(ctx);
  yield;
  const counts = scopeCounts(ctx);
  const total = (p: 0 | 1) => SEVERITIES.reduce((sum, s) => sum + counts.bySeverity[p][s].incidents, 0);
  yield;
  const durations = durationFigures(ctx, counts);
  yield;
  const followThrough = postmortemFigures(ctx);
  yield;
  const items = actionItemFigures(ctx, previousPeriod.from, previousPeriod.to);
  yield;
  const overTime = ctx.db.all<{ bucket: string; severity: (typeof SEVERITIES)[number]; n: number }>(sql`
    SELECT bucket, severity, COUNT(*) AS n FROM temp.insight_scope WHERE period = 0 AND drill = 0 GROUP BY bucket, severity`);
  const histograms = { mitigate: durationHistogram(ctx, "mitigate"), resolve: durationHistogram(ctx, "resolve") };
  yield;
  const trend = durationTrend(ctx);
  yield;
  const services = serviceFigures(ctx);
  yield;
  const factors = factorFigures(ctx);
  yield;
  const responders = responderFigures(ctx);

  return {
    generatedAt: new Date(now).toISOString(),
    timeZone: ctx.timeZone,
    filters: ctx.filters,
    period,
    previousPeriod,
    scope: {
      current: { incidents: total(0), drillsExcluded: counts.drills[0] },
      previous: { incidents: total(1), drillsExcluded: counts.drills[1] },
    },
    headline: {
      incidents: {
        current: { total: total(0), bySeverity: severityCounts((s) => counts.bySeverity[0][s].incidents) },
        previous: { total: total(1), bySeverity: severityCounts((s) => counts.bySeverity[1][s].incidents) },
      },
      durations: durations.headline,
      postmortemsOnTime: followThrough.onTime,
      actionItemsOnTime: items.onTime,
      actionItemsOverdueNow: items.figures.overdueNow,
    },
    incidentsOverTime: {
      bucket: ctx.bucket,
      rows: bucketsFor(ctx.filters.from, ctx.filters.to, ctx.bucket).map((b) => {
        const bySeverity = severityCounts((s) => overTime.find((r) => r.bucket === b.start && r.severity === s)?.n ?? 0);
        return { ...b, ...bySeverity, total: SEVERITIES.reduce((sum, s) => sum + bySeverity[s], 0) };
      }),
    },
    durationTrend: trend,
    durationDistribution: {
      bins: DURATION_BINS,
      metrics: {
        mitigate: severityMap((s) => ({ stats: durations.bySeverity.mitigate[s], counts: histograms.mitigate[s] })),
        resolve: severityMap((s) => ({ stats: durations.bySeverity.resolve[s], counts: histograms.resolve[s] })),
      },
    },
    services,
    factors,
    postmortems: followThrough.figures,
    actionItems: items.figures,
    responders,
  };
}

function severityMap<T>(make: (s: (typeof SEVERITIES)[number]) => T): Record<(typeof SEVERITIES)[number], T> {
  return Object.fromEntries(SEVERITIES.map((s) => [s, make(s)])) as Record<(typeof SEVERITIES)[number], T>;
}
