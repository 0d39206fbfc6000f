import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { EMPTY_STATS, interpolate, PERCENTILES } from "@/lib/insights/percentile";
import type { DurationStats } from "@/lib/insights/types";
import type { InsightsContext } from "./scope";

export type StatsRow = { period: number; grp: string; n: number; rec: number; min: number; max: number } & Record<string, number | null>;

/**
 * Percentiles computed in SQL. `source` yields (period, grp, d, r): a duration in ms and
 * 1 when it rests on a reconstructed timestamp. Rows are ranked by window function per
 * (period, grp); the two values around each percentile's rank (p/100 × (n − 1), integer
 * arithmetic) are picked out and interpolated in toStats (lib/insights/percentile.ts).
 */
export function percentileRows(ctx: Pick<InsightsContext, "db">, source: SQL): StatsRow[] {
  const picks = PERCENTILES.map(
    (p) => `MAX(CASE WHEN i = (${p} * (n - 1)) / 100 THEN d END) AS p${p}lo, MAX(CASE WHEN i = (${p} * (n - 1)) / 100 + 1 THEN d END) AS p${p}hi`,
  ).join(", ");
  return ctx.db.all<StatsRow>(sql`
    WITH g AS (${source}),
    ranked AS (SELECT period, grp, d, r, ROW_NUMBER() OVER (PARTITION BY period, grp ORDER BY d) - 1 AS i,
                      COUNT(*) OVER (PARTITION BY period, grp) AS n FROM g)
    SELECT period, grp, MAX(n) AS n, SUM(r) AS rec, MIN(d) AS min, MAX(d) AS max, ${sql.raw(picks)}
    FROM ranked GROUP BY period, grp`);
}

const seconds = (ms: number | null) => (ms === null ? null : ms / 1000);

/** A DurationStats (seconds) from a percentile row; `missing` counted by the caller. */
export function toStats(row: StatsRow | undefined, missing: number): DurationStats {
  if (!row) return { ...EMPTY_STATS, missing };
  const at = (p: number) => seconds(interpolate(row.n, p, row[`p${p}lo`] ?? null, row[`p${p}hi`] ?? null));
  return {
    incidents: row.n,
    missing,
    reconstructed: row.rec,
    min: seconds(row.min),
    p25: at(25),
    median: at(50),
    p75: at(75),
    p90: at(90),
    max: seconds(row.max),
  };
}
