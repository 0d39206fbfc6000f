import "server-only";
import { sql } from "drizzle-orm";
import type { Actor } from "@/lib/actor";
import { SEVERITIES } from "@/lib/severity";
import { bucketsFor } from "@/lib/insights/buckets";
import { DURATION_BINS } from "@/lib/insights/bins";
import type { InsightsReport, SeverityCounts } from "@/lib/insights/types";
import { runAtOnce, type Steps } from "@/lib/turns";
import { actionItemFigures } from "./action-items";
import { durationFigures, durationHistogram, scopeCounts } from "./durations";
import { durationTrend } from "./duration-trend";
import { factorFigures } from "./factors";
import { postmortemFigures } from "./postmortems";
import { responderFigures } from "./responders";
import { fillScope, tempTable } from "../scope";
import { dialect } from "../../../dialect";
import { transaction } from "../../../transaction";
import { serviceFigures } from "./services";
import { insightsContext } from "../context";
import { rows } from "../../../sql";

// The report as it was computed before incident_facts: SQL over the incidents table and temp
// tables. Kept as the reference the randomized test (insights-facts.test.ts) compares the
// fact-based report with; the app does not call it.

const severityCounts = (get: (s: (typeof SEVERITIES)[number]) => number) => Object.fromEntries(SEVERITIES.map((s) => [s, get(s)])) as SeverityCounts;

/** The reference report for a caller and query (no cache). */
export async function referenceInsights({ actor, query, now = Date.now() }: { actor: Actor; query: unknown; now?: number }): Promise<InsightsReport> {
  const compute = async () => await runAtOnce(computeInsights(await insightsContext({ actor, query, now })));
  // PostgreSQL: temp tables belong to one connection of the pool, so the whole report runs in one
  // transaction (getDb(), and so ctx.db, is then that transaction's connection).
  return dialect === "pg" ? await transaction(compute) : await compute();
}

/** The report, one step per `yield` (each step a few statements, all synchronous). */
async function* computeInsights({ ctx, period, previousPeriod }: Awaited<ReturnType<typeof insightsContext>>): Steps<InsightsReport> {
  const now = ctx.now;
  await fillScope(ctx);
  yield;
  const counts = await scopeCounts(ctx);
  const total = (p: 0 | 1) => SEVERITIES.reduce((sum, s) => sum + counts.bySeverity[p][s].incidents, 0);
  yield;
  const durations = await durationFigures(ctx, counts);
  yield;
  const followThrough = await postmortemFigures(ctx);
  yield;
  const items = await actionItemFigures(ctx, previousPeriod.from, previousPeriod.to);
  yield;
  const overTime = await rows<{ bucket: string; severity: (typeof SEVERITIES)[number]; n: number }>(
    sql`
    SELECT bucket, severity, COUNT(*) AS n FROM ${tempTable("insight_scope")} WHERE period = 0 AND drill = 0 GROUP BY bucket, severity`,
    ctx.db,
  );
  const histograms = { mitigate: await durationHistogram(ctx, "mitigate"), resolve: await durationHistogram(ctx, "resolve") };
  yield;
  const trend = await durationTrend(ctx);
  yield;
  const services = await serviceFigures(ctx);
  yield;
  const factors = await factorFigures(ctx);
  yield;
  const responders = await responderFigures(ctx);

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
