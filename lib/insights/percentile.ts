import type { DurationStats } from "./types";

/** The percentiles every duration figure reports, in whole percent. */
export const PERCENTILES = [25, 50, 75, 90] as const;

/**
 * The p-th percentile (whole percent) of values sorted ascending, by linear interpolation
 * between the closest ranks (rank = p/100 × (n − 1), as Postgres percentile_cont and the
 * SQL in db/queries/insights compute it). So the median of an even count is the mean of the
 * two middle values. Null for no values.
 */
export function percentile(sorted: readonly number[], p: number): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  // Integer arithmetic for the rank, so 0.9 × 10 is exactly 9 (floating point is not).
  const scaled = p * (n - 1);
  const lo = Math.floor(scaled / 100);
  const frac = (scaled % 100) / 100;
  const low = sorted[lo]!;
  if (frac === 0) return low;
  return low + frac * (sorted[lo + 1]! - low);
}

/** Interpolates from the two ranks around a percentile, as the SQL returns them. */
export function interpolate(n: number, p: number, low: number | null, high: number | null): number | null {
  if (n === 0 || low === null) return null;
  const frac = ((p * (n - 1)) % 100) / 100;
  if (frac === 0 || high === null) return low;
  return low + frac * (high - low);
}

export const EMPTY_STATS: DurationStats = {
  incidents: 0,
  missing: 0,
  reconstructed: 0,
  min: null,
  p25: null,
  median: null,
  p75: null,
  p90: null,
  max: null,
};

/**
 * The definition of a duration figure over a set of incidents: durations (seconds) of those
 * having both timestamps, with the ones missing a timestamp and the reconstructed ones
 * counted. `durations` null = missing.
 */
export function durationStats(rows: readonly { seconds: number | null; reconstructed: boolean }[]): DurationStats {
  const present = rows.filter((r): r is { seconds: number; reconstructed: boolean } => r.seconds !== null);
  const sorted = present.map((r) => r.seconds).sort((a, b) => a - b);
  return {
    incidents: sorted.length,
    missing: rows.length - present.length,
    reconstructed: present.filter((r) => r.reconstructed).length,
    min: sorted.length ? sorted[0]! : null,
    p25: percentile(sorted, 25),
    median: percentile(sorted, 50),
    p75: percentile(sorted, 75),
    p90: percentile(sorted, 90),
    max: sorted.length ? sorted[sorted.length - 1]! : null,
  };
}
