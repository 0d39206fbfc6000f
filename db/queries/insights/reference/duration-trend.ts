import "server-only";
import { sql } from "drizzle-orm";
import { bucketsFor, trendBucketKindFor } from "@/lib/insights/buckets";
import { daysBetween } from "@/lib/insights/params";
import type { InsightsReport, TrendStats } from "@/lib/insights/types";
import { METRIC_SQL, missingCount, reconstructedCount, reconstructedInt } from "./durations";
import { countWhere } from "../../../dialect-sql";
import { groupStats } from "./percentile-sql";
import { bucketOf, tempTable, type InsightsContext } from "../scope";
import { rows } from "../../../sql";

const TREND_METRICS = ["mitigate", "resolve"] as const;

/**
 * Median and p90 time to mitigate and resolve per week or month of the current period, by
 * the day each incident started, with the same definitions and percentile SQL as the
 * headline figures (drills out, incidents missing the timestamp counted, not guessed).
 * One GROUP BY for the counts, one sorted temp table for every bucket's percentiles.
 */
export async function durationTrend(ctx: InsightsContext): Promise<InsightsReport["durationTrend"]> {
  const kind = trendBucketKindFor(daysBetween(ctx.filters.from, ctx.filters.to));
  // The scope table already holds each incident's week or month when the two granularities agree.
  const bucket = kind === ctx.bucket ? sql`bucket` : bucketOf({ offsets: ctx.offsets, bucket: kind }, sql`started_at`);
  const counts = await rows<{ bucket: string } & Record<string, number>>(
    sql`
    SELECT ${bucket} AS bucket,
      ${sql.join(
        TREND_METRICS.map(
          (m) =>
            sql`${missingCount(m)} AS ${sql.raw(`${m}_missing`)}, ${countWhere(sql.raw(`${METRIC_SQL[m].needs} IS NOT NULL`))} AS ${sql.raw(`${m}_n`)}, ${reconstructedCount(m)} AS ${sql.raw(`${m}_rec`)}`,
        ),
        sql`, `,
      )}
    FROM ${tempTable("insight_scope")} WHERE period = 0 AND drill = 0 GROUP BY 1`,
    ctx.db,
  );
  const known = new Map<string, { n: number; rec: number }>();
  const missing = new Map<string, number>();
  for (const row of counts) {
    for (const m of TREND_METRICS) {
      known.set(`${m}:${row.bucket}`, { n: row[`${m}_n`]!, rec: row[`${m}_rec`]! });
      missing.set(`${m}:${row.bucket}`, row[`${m}_missing`]!);
    }
  }
  const source = sql.join(
    TREND_METRICS.map((m) => {
      const def = METRIC_SQL[m];
      return sql`SELECT ${`${m}:`} || ${bucket} AS grp, ${sql.raw(def.value)} AS d, ${reconstructedInt(m)} AS r
        FROM ${tempTable("insight_scope")} WHERE period = 0 AND drill = 0 AND ${sql.raw(def.needs)} IS NOT NULL`;
    }),
    sql` UNION ALL `,
  );
  const stats = known.size ? await groupStats(ctx, source, [...known.keys()], known) : new Map();
  const point = (key: string): TrendStats => {
    const s = stats.get(key);
    return {
      incidents: s?.incidents ?? 0,
      missing: missing.get(key) ?? 0,
      reconstructed: s?.reconstructed ?? 0,
      median: s?.median ?? null,
      p90: s?.p90 ?? null,
    };
  };
  return {
    bucket: kind,
    points: bucketsFor(ctx.filters.from, ctx.filters.to, kind).map((b) => ({
      ...b,
      mitigate: point(`mitigate:${b.start}`),
      resolve: point(`resolve:${b.start}`),
    })),
  };
}
