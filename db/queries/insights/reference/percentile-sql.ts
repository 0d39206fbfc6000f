import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { EMPTY_STATS, interpolate, PERCENTILES } from "@/lib/insights/percentile";
import type { DurationStats } from "@/lib/insights/types";
import { dialect } from "../../../dialect";
import { countWhere } from "../../../dialect-sql";
import { tempTable, type InsightsContext } from "../scope";
import { rows as rawRows, row, exec } from "../../../sql";

/**
 * Percentiles computed in SQL. `source` yields (grp, d, r): a group key, a duration in ms and
 * 1 when it rests on a reconstructed timestamp. The rows are written once into a temp table
 * in (grp, d) order, so a rank is a rowid: each group's count comes from one scan, and the
 * values around each percentile's rank (p/100 × (n − 1), integer arithmetic) are read by
 * rowid and interpolated as lib/insights/percentile.ts defines. One sort per figure instead
 * of the two a window function needs. `missing` is counted by the caller.
 */
export async function groupStats(
  ctx: Pick<InsightsContext, "db">,
  source: SQL,
  groups: readonly string[],
  /** Each group's row count and reconstructed count when the caller already has them (saves a scan). */
  known?: Map<string, { n: number; rec: number }>,
): Promise<Map<string, Omit<DurationStats, "missing">>> {
  const sorted = tempTable("insight_sorted");
  await exec(sql`DROP TABLE IF EXISTS ${sorted}`, ctx.db);
  if (dialect === "pg") {
    // No rowid: the rank is a row_number() column (keys compared as bytes, as SQLite does).
    await exec(sql`CREATE TEMP TABLE insight_sorted (rowid bigint PRIMARY KEY, grp text NOT NULL, d bigint NOT NULL, r integer NOT NULL) ON COMMIT DROP`, ctx.db);
    await exec(
      sql`INSERT INTO ${sorted} (rowid, grp, d, r) SELECT row_number() OVER (ORDER BY grp COLLATE "C", d), grp, d, r FROM (${source}) AS src`,
      ctx.db,
    );
  } else {
    await exec(sql`CREATE TEMP TABLE insight_sorted (grp TEXT NOT NULL, d INTEGER NOT NULL, r INTEGER NOT NULL)`, ctx.db);
    await exec(sql`INSERT INTO ${sorted} (grp, d, r) SELECT grp, d, r FROM (${source}) AS src ORDER BY grp, d`, ctx.db);
  }
  // SQLite orders text by bytes; the keys are ASCII, so JavaScript's default sort agrees.
  const keys = [...new Set(groups)].sort();
  const sums = sql.join(
    keys.map((k, i) => sql`${countWhere(sql`grp = ${k}`)} AS ${sql.raw(`n${i}`)}, COALESCE(SUM(CASE WHEN grp = ${k} THEN r END), 0) AS ${sql.raw(`r${i}`)}`),
    sql`, `,
  );
  const counts = known
    ? Object.fromEntries(
        keys.flatMap((k, i) => [
          [`n${i}`, known.get(k)?.n ?? 0],
          [`r${i}`, known.get(k)?.rec ?? 0],
        ]),
      )
    : (await row<Record<string, number>>(sql`SELECT ${sums} FROM ${sorted}`, ctx.db))!;
  let start = 1;
  const spans = keys.map((key, i) => {
    const span = { key, first: start, n: counts[`n${i}`]!, rec: counts[`r${i}`]! };
    start += span.n;
    return span;
  });
  const wanted = new Set<number>();
  for (const { first, n } of spans) {
    if (!n) continue;
    wanted.add(first).add(first + n - 1);
    for (const p of PERCENTILES) {
      const lo = Math.floor((p * (n - 1)) / 100);
      wanted.add(first + lo);
      if (lo + 1 < n) wanted.add(first + lo + 1);
    }
  }
  const values = new Map<number, number>();
  if (wanted.size) {
    const rows = await rawRows<{ id: number; d: number }>(
      sql`SELECT rowid AS id, d FROM ${sorted} WHERE rowid IN (${sql.join(
        [...wanted].map((id) => sql`${id}`),
        sql`, `,
      )})`,
      ctx.db,
    );
    for (const row of rows) values.set(row.id, row.d);
  }
  const seconds = (ms: number | null | undefined) => (ms === null || ms === undefined ? null : ms / 1000);
  const result = new Map<string, Omit<DurationStats, "missing">>();
  for (const { key, first, n, rec } of spans) {
    if (!n) {
      const { missing: _m, ...empty } = EMPTY_STATS;
      result.set(key, empty);
      continue;
    }
    const at = (p: number) => {
      const lo = Math.floor((p * (n - 1)) / 100);
      return seconds(interpolate(n, p, values.get(first + lo) ?? null, lo + 1 < n ? (values.get(first + lo + 1) ?? null) : null));
    };
    result.set(key, {
      incidents: n,
      reconstructed: rec,
      min: seconds(values.get(first)),
      p25: at(25),
      median: at(50),
      p75: at(75),
      p90: at(90),
      max: seconds(values.get(first + n - 1)),
    });
  }
  return result;
}

/** A group's stats with its missing count, or empty ones when the group had no rows. */
export function statsOf(stats: Map<string, Omit<DurationStats, "missing">>, key: string, missing: number): DurationStats {
  const found = stats.get(key);
  return found ? { ...found, missing } : { ...EMPTY_STATS, missing };
}
