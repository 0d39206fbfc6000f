import "server-only";
import { SEVERITIES, type Severity } from "@/lib/severity";
import { bucketsFor, trendBucketKindFor } from "@/lib/insights/buckets";
import { DURATION_BINS } from "@/lib/insights/bins";
import { daysBetween } from "@/lib/insights/params";
import { DURATION_METRICS, type DurationMetric, type DurationStats, type InsightsReport, type TrendStats } from "@/lib/insights/types";
import { RECONSTRUCTED_BITS } from "../../access/incident-facts";
import type { Scan } from "./fact-scope";
import { bucketIndexer } from "./local-clock";
import type { InsightsContext } from "./scope";
import { DurationGroup } from "./stats";

const TREND_METRICS = ["mitigate", "resolve"] as const;
type TrendMetric = (typeof TREND_METRICS)[number];
const bySeverity = <T>(make: (s: Severity) => T) => Object.fromEntries(SEVERITIES.map((s) => [s, make(s)])) as Record<Severity, T>;

export type DurationFigures = {
  /** [period][severity index] non-drill incidents, and drills per period. */
  incidents: [number[], number[]];
  drills: [number, number];
  headline: Record<DurationMetric, { current: DurationStats; previous: DurationStats }>;
  distribution: InsightsReport["durationDistribution"];
  overTime: number[][];
  trend: InsightsReport["durationTrend"];
};

/**
 * Counts, durations (both periods overall, the current one by severity, per trend bucket),
 * histograms and incidents over time, in one pass over the scan (drills counted apart).
 */
export function durationFigures(ctx: InsightsContext, scan: Scan): DurationFigures {
  const incidents: [number[], number[]] = [
    [0, 0, 0, 0],
    [0, 0, 0, 0],
  ];
  const drills: [number, number] = [0, 0];
  const all = DURATION_METRICS.map(() => [new DurationGroup(), new DurationGroup()]);
  const severityGroups = TREND_METRICS.map(() => SEVERITIES.map(() => new DurationGroup()));
  const histograms = TREND_METRICS.map(() => SEVERITIES.map(() => DURATION_BINS.map(() => 0)));
  const overTime = Array.from({ length: scan.buckets }, () => [0, 0, 0, 0]);
  const trendKind = trendBucketKindFor(daysBetween(ctx.filters.from, ctx.filters.to));
  const trendIndexer = trendKind === ctx.bucket ? null : bucketIndexer(ctx.filters.from, ctx.filters.to, trendKind);
  const trendBuckets = bucketsFor(ctx.filters.from, ctx.filters.to, trendKind);
  const trendGroups = TREND_METRICS.map(() => trendBuckets.map(() => new DurationGroup()));
  const bins = DURATION_BINS.map((b) => (b.maxSeconds === null ? Infinity : b.maxSeconds * 1000));
  const columns = DURATION_METRICS.map((m) => scan[m]);
  const bits = DURATION_METRICS.map((m) => RECONSTRUCTED_BITS[m]);

  for (let r = 0; r < scan.n; r++) {
    const period = scan.period[r]!;
    if (scan.drill[r]) {
      drills[period as 0 | 1]++;
      continue;
    }
    const sev = scan.sev[r]!;
    incidents[period as 0 | 1][sev]!++;
    const rec = scan.rec[r]!;
    for (let m = 0; m < columns.length; m++) all[m]![period]!.add(columns[m]![r]!, (rec & bits[m]!) !== 0);
    if (period !== 0) continue;
    const bucket = scan.bucket[r]!;
    if (bucket >= 0) overTime[bucket]![sev]!++;
    const trendBucket = trendIndexer ? trendIndexer.indexOf(scan.local(scan.startedAt[r]!)) : bucket;
    for (let t = 0; t < TREND_METRICS.length; t++) {
      const metric = TREND_METRICS[t]!;
      const ms = scan[metric][r]!;
      const reconstructed = (rec & RECONSTRUCTED_BITS[metric]) !== 0;
      severityGroups[t]![sev]!.add(ms, reconstructed);
      if (trendBucket >= 0) trendGroups[t]![trendBucket]!.add(ms, reconstructed);
      if (Number.isNaN(ms)) continue;
      let bin = 0;
      while (!(ms < bins[bin]!)) bin++;
      histograms[t]![sev]![bin]!++;
    }
  }

  const headline = Object.fromEntries(
    DURATION_METRICS.map((m, k) => [m, { current: all[k]![0]!.stats(), previous: all[k]![1]!.stats() }]),
  ) as DurationFigures["headline"];
  const metric = (t: number) =>
    bySeverity((s) => ({ stats: severityGroups[t]![SEVERITIES.indexOf(s)]!.stats(), counts: histograms[t]![SEVERITIES.indexOf(s)]! }));
  const point = (t: number, k: number): TrendStats => {
    const { incidents: n, missing, reconstructed, median, p90 } = trendGroups[t]![k]!.stats();
    return { incidents: n, missing, reconstructed, median, p90 };
  };
  const trendOf = (metricName: TrendMetric) => TREND_METRICS.indexOf(metricName);
  return {
    incidents,
    drills,
    headline,
    distribution: { bins: DURATION_BINS, metrics: { mitigate: metric(trendOf("mitigate")), resolve: metric(trendOf("resolve")) } },
    overTime,
    trend: {
      bucket: trendKind,
      points: trendBuckets.map((b, k) => ({ ...b, mitigate: point(trendOf("mitigate"), k), resolve: point(trendOf("resolve"), k) })),
    },
  };
}
