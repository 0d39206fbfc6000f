import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { SEVERITIES, type Severity } from "@/lib/severity";
import { DURATION_BINS } from "@/lib/insights/bins";
import { DURATION_METRICS, type DurationMetric, type DurationStats } from "@/lib/insights/types";
import { countWhere } from "../../../dialect-sql";
import { tempTable, type InsightsContext } from "../scope";
import { groupStats, statsOf } from "./percentile-sql";
import { rows as rawRows } from "../../../sql";

/** DESIGN.md "Learning figures": each duration, the timestamp it needs, and what makes it reconstructed. */
export const METRIC_SQL: Record<DurationMetric, { value: string; needs: string; reconstructed: string }> = {
  detect: { value: "detected_at - started_at", needs: "detected_at", reconstructed: "started_rec = 1 OR detected_rec = 1" },
  acknowledge: { value: "acknowledged_at - declared_at", needs: "acknowledged_at", reconstructed: "acknowledged_rec = 1" },
  mitigate: { value: "mitigated_at - started_at", needs: "mitigated_at", reconstructed: "started_rec = 1 OR mitigated_rec = 1" },
  resolve: { value: "resolved_at - started_at", needs: "resolved_at", reconstructed: "started_rec = 1 OR resolved_rec = 1" },
};

/** A metric's reconstructed condition as 0/1 (a boolean on PostgreSQL cannot be summed). */
export const reconstructedInt = (metric: DurationMetric): SQL => sql.raw(`(CASE WHEN ${METRIC_SQL[metric].reconstructed} THEN 1 ELSE 0 END)`);
/** How many rows miss a metric's timestamp, and how many of the rest are reconstructed. */
export const missingCount = (metric: DurationMetric): SQL => countWhere(sql.raw(`${METRIC_SQL[metric].needs} IS NULL`));
export const reconstructedCount = (metric: DurationMetric): SQL =>
  countWhere(sql.raw(`${METRIC_SQL[metric].needs} IS NOT NULL AND (${METRIC_SQL[metric].reconstructed})`));

export type ScopeCounts = {
  /** [period][severity] → non-drill incidents and, per metric, how many miss its timestamp and how many of the rest are reconstructed. */
  bySeverity: Record<0 | 1, Record<Severity, { incidents: number; missing: Record<DurationMetric, number>; reconstructed: Record<DurationMetric, number> }>>;
  drills: Record<0 | 1, number>;
};

export async function scopeCounts(ctx: InsightsContext): Promise<ScopeCounts> {
  const rows = await rawRows<{ period: 0 | 1; severity: Severity; drill: number; n: number } & Record<string, number>>(
    sql`
    SELECT period, severity, drill, COUNT(*) AS n,
      ${sql.join(
        DURATION_METRICS.map((m) => sql`${missingCount(m)} AS ${sql.raw(m)}, ${reconstructedCount(m)} AS ${sql.raw(`rec_${m}`)}`),
        sql`, `,
      )}
    FROM ${tempTable("insight_scope")} GROUP BY period, severity, drill`,
    ctx.db,
  );
  const zero = () => ({ detect: 0, acknowledge: 0, mitigate: 0, resolve: 0 });
  const empty = () => Object.fromEntries(SEVERITIES.map((s) => [s, { incidents: 0, missing: zero(), reconstructed: zero() }]));
  const counts: ScopeCounts = { bySeverity: { 0: empty(), 1: empty() } as ScopeCounts["bySeverity"], drills: { 0: 0, 1: 0 } };
  for (const row of rows) {
    if (row.drill) {
      counts.drills[row.period] += row.n;
      continue;
    }
    const cell = counts.bySeverity[row.period][row.severity];
    cell.incidents += row.n;
    for (const m of DURATION_METRICS) {
      cell.missing[m] += row[m]!;
      cell.reconstructed[m] += row[`rec_${m}`]!;
    }
  }
  return counts;
}

/** Group keys: "0:ALL" / "1:ALL" for each period, "0:SEV1"… per severity in the current one. */
const GROUPS = ["0:ALL", "1:ALL", ...SEVERITIES.map((s) => `0:${s}`)];

/** Rows and reconstructed rows of each group, from the counts already taken. */
function knownCounts(counts: ScopeCounts, metric: DurationMetric) {
  const known = new Map<string, { n: number; rec: number }>();
  for (const period of [0, 1] as const) {
    let n = 0;
    let rec = 0;
    for (const s of SEVERITIES) {
      const cell = counts.bySeverity[period][s];
      const present = { n: cell.incidents - cell.missing[metric], rec: cell.reconstructed[metric] };
      if (period === 0) known.set(`0:${s}`, present);
      n += present.n;
      rec += present.rec;
    }
    known.set(`${period}:ALL`, { n, rec });
  }
  return known;
}

/** Overall for both periods, and per severity for the current one. */
function metricStats(ctx: InsightsContext, metric: DurationMetric, counts: ScopeCounts) {
  const m = METRIC_SQL[metric];
  return groupStats(
    ctx,
    sql`SELECT CAST(period AS TEXT) || ':ALL' AS grp, ${sql.raw(m.value)} AS d, ${reconstructedInt(metric)} AS r
        FROM ${tempTable("insight_scope")} WHERE drill = 0 AND ${sql.raw(m.needs)} IS NOT NULL
        UNION ALL
        SELECT '0:' || severity AS grp, ${sql.raw(m.value)} AS d, ${reconstructedInt(metric)} AS r
        FROM ${tempTable("insight_scope")} WHERE drill = 0 AND period = 0 AND ${sql.raw(m.needs)} IS NOT NULL`,
    GROUPS,
    knownCounts(counts, metric),
  );
}

export type DurationFigures = {
  headline: Record<DurationMetric, { current: DurationStats; previous: DurationStats }>;
  bySeverity: Record<"mitigate" | "resolve", Record<Severity, DurationStats>>;
};

export async function durationFigures(ctx: InsightsContext, counts: ScopeCounts): Promise<DurationFigures> {
  const missing = (period: 0 | 1, metric: DurationMetric, severity?: Severity) => {
    const list: readonly Severity[] = severity ? [severity] : SEVERITIES;
    return list.reduce<number>((sum, s) => sum + counts.bySeverity[period][s].missing[metric], 0);
  };
  const headline = {} as DurationFigures["headline"];
  const bySeverity = { mitigate: {}, resolve: {} } as DurationFigures["bySeverity"];
  for (const metric of DURATION_METRICS) {
    const stats = await metricStats(ctx, metric, counts);
    headline[metric] = { current: statsOf(stats, "0:ALL", missing(0, metric)), previous: statsOf(stats, "1:ALL", missing(1, metric)) };
    if (metric === "mitigate" || metric === "resolve") {
      for (const s of SEVERITIES) bySeverity[metric][s] = statsOf(stats, `0:${s}`, missing(0, metric, s));
    }
  }
  return { headline, bySeverity };
}

/** Histogram counts per severity over DURATION_BINS, current period. */
export async function durationHistogram(ctx: InsightsContext, metric: "mitigate" | "resolve"): Promise<Record<Severity, number[]>> {
  const m = METRIC_SQL[metric];
  const bin = DURATION_BINS.map((b, index) => (b.maxSeconds === null ? `ELSE ${index}` : `WHEN d < ${b.maxSeconds * 1000} THEN ${index}`)).join(" ");
  const rows = await rawRows<{ severity: Severity; bin: number; n: number }>(
    sql`
    SELECT severity, CASE ${sql.raw(bin)} END AS bin, COUNT(*) AS n
    FROM (SELECT severity, ${sql.raw(m.value)} AS d FROM ${tempTable("insight_scope")} WHERE drill = 0 AND period = 0 AND ${sql.raw(m.needs)} IS NOT NULL) AS s
    GROUP BY 1, 2`,
    ctx.db,
  );
  const out = Object.fromEntries(SEVERITIES.map((s) => [s, DURATION_BINS.map(() => 0)])) as Record<Severity, number[]>;
  for (const row of rows) out[row.severity][row.bin] = row.n;
  return out;
}
