import "server-only";
import type { Actor } from "@/lib/actor";
import { AppError } from "@/lib/errors";
import { SEVERITIES } from "@/lib/severity";
import { bucketsFor } from "@/lib/insights/buckets";
import type { InsightsReport, SeverityCounts } from "@/lib/insights/types";
import { inCallOrder, oneAtATime, QueueFullError, runAtOnce, runInTurns, type Steps } from "@/lib/turns";
import { ensureIncidentFacts } from "../../access/incident-facts";
import { transaction } from "../../transaction";
import { actionItemFigures } from "./action-items";
import { lookupReport, withoutOwnChanges } from "./cache";
import { insightsContext } from "./context";
import { durationFigures } from "./durations";
import { scanScope } from "./fact-scope";
import { factorFigures } from "./factors";
import { postmortemFigures } from "./follow-through";
import { responderFigures } from "./responders";
import { serviceFigures } from "./services";

export { insightsContext };

const severityCounts = (get: (s: (typeof SEVERITIES)[number]) => number) => Object.fromEntries(SEVERITIES.map((s) => [s, get(s)])) as SeverityCounts;

type InsightsArgs = { actor: Actor; query: unknown; now?: number; fresh?: boolean };

/** Prepares a report: the cached one, or the steps that compute it and where to store the result. */
async function prepare({ actor, query, now = Date.now(), fresh = false }: InsightsArgs) {
  const resolved = await insightsContext({ actor, query, now });
  const filtersKey = JSON.stringify([resolved.ctx.filters, resolved.ctx.timeZone, resolved.ctx.requiredSeverities]);
  // `fresh` skips the cache (the benchmark's cold figures).
  const cached = fresh ? null : await lookupReport(resolved.ctx.db, actor, filtersKey, now);
  const db = resolved.ctx.db;
  const ownStep = <R>(step: () => Promise<R>) => withoutOwnChanges(db, step);
  return { cached, steps: () => computeInsights(resolved), ownStep };
}

/**
 * Every learning figure for the dashboard and GET /api/v1/insights (DESIGN.md "Learning
 * figures"), computed in SQL over the incidents the actor may see, all at once. For tests and
 * the benchmark; requests use loadInsights.
 */
export async function getInsights(args: InsightsArgs): Promise<InsightsReport> {
  const { cached, steps, ownStep } = await prepare(args);
  if (cached && "report" in cached) return cached.report;
  const report = await runAtOnce(steps(), ownStep);
  cached?.store(report);
  return report;
}

// One cold computation at a time (SQLite: they share the one connection; either engine: the work
// of one report at once, not of many), a few waiting.
const computations = oneAtATime(3);
const admission = inCallOrder();

/**
 * getInsights for requests: a cold report is computed one step (a few SQL statements) per turn
 * of the event loop, so other requests are answered between the steps instead of waiting
 * seconds behind it; with three reports already waiting, a fourth is refused with 429.
 */
export async function loadInsights(args: InsightsArgs): Promise<InsightsReport> {
  try {
    // Cache lookups overlap; a cold report joins the queue in call order, however the lookups' round trips finish.
    return await admission(
      () => prepare(args),
      async (first) => {
        if (first.cached && "report" in first.cached) return first.cached.report;
        return await computations.run(async () => {
          // Another request may have computed the same report while this one waited.
          const { cached, steps, ownStep } = await prepare(args);
          if (cached && "report" in cached) return cached.report;
          const report = await runInTurns(steps(), ownStep);
          cached?.store(report);
          return report;
        });
      },
    );
  } catch (error) {
    if (error instanceof QueueFullError) throw new AppError("rate_limited", "Several insights reports are being computed; try again in a few seconds");
    throw error;
  }
}

/** The report, one step per `yield` (each step one read of the facts or a pass over them). */
async function* computeInsights({ ctx, period, previousPeriod }: Awaited<ReturnType<typeof insightsContext>>): Steps<InsightsReport> {
  // The facts are written on the writer connection (ctx.db outside a transaction is read-only).
  await transaction((tx) => ensureIncidentFacts(tx));
  yield;
  const scan = await scanScope(ctx);
  yield;
  const durations = durationFigures(ctx, scan);
  const total = (p: 0 | 1) => durations.incidents[p].reduce((sum, n) => sum + n, 0);
  const counts = (p: 0 | 1) => severityCounts((s) => durations.incidents[p][SEVERITIES.indexOf(s)]!);
  yield;
  const followThrough = await postmortemFigures(ctx, scan);
  yield;
  const items = await actionItemFigures(ctx, previousPeriod.from);
  yield;
  const services = await serviceFigures(ctx, scan);
  yield;
  const factors = await factorFigures(ctx, scan);
  const responders = await responderFigures(ctx, scan);

  return {
    generatedAt: new Date(ctx.now).toISOString(),
    timeZone: ctx.timeZone,
    filters: ctx.filters,
    period,
    previousPeriod,
    scope: {
      current: { incidents: total(0), drillsExcluded: durations.drills[0] },
      previous: { incidents: total(1), drillsExcluded: durations.drills[1] },
    },
    headline: {
      incidents: { current: { total: total(0), bySeverity: counts(0) }, previous: { total: total(1), bySeverity: counts(1) } },
      durations: durations.headline,
      postmortemsOnTime: followThrough.onTime,
      actionItemsOnTime: items.onTime,
      actionItemsOverdueNow: items.figures.overdueNow,
    },
    incidentsOverTime: {
      bucket: ctx.bucket,
      rows: bucketsFor(ctx.filters.from, ctx.filters.to, ctx.bucket).map((b, k) => {
        const bySeverity = severityCounts((s) => durations.overTime[k]?.[SEVERITIES.indexOf(s)] ?? 0);
        return { ...b, ...bySeverity, total: SEVERITIES.reduce((sum, s) => sum + bySeverity[s], 0) };
      }),
    },
    durationTrend: durations.trend,
    durationDistribution: durations.distribution,
    services,
    factors,
    postmortems: followThrough.figures,
    actionItems: items.figures,
    responders,
  };
}
