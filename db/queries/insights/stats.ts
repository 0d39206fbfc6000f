import { EMPTY_STATS, interpolate, PERCENTILES } from "@/lib/insights/percentile";
import type { DurationStats } from "@/lib/insights/types";

/** Durations (ms) of one group with how many rest on reconstructed timestamps; sorted when read. */
export class DurationGroup {
  private values = new Float64Array(256);
  private n = 0;
  reconstructed = 0;
  missing = 0;
  add(ms: number, reconstructed: boolean) {
    if (Number.isNaN(ms)) {
      this.missing++;
      return;
    }
    if (this.n === this.values.length) {
      const grown = new Float64Array(this.n * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.n++] = ms;
    if (reconstructed) this.reconstructed++;
  }
  /** Min, quartiles, p90 and max in seconds, interpolated on ms as lib/insights/percentile.ts defines. */
  stats(): DurationStats {
    const n = this.n;
    if (!n) return { ...EMPTY_STATS, missing: this.missing };
    const sorted = this.values.subarray(0, n).sort();
    const at = (p: (typeof PERCENTILES)[number]) => {
      const lo = Math.floor((p * (n - 1)) / 100);
      return interpolate(n, p, sorted[lo]!, lo + 1 < n ? sorted[lo + 1]! : null)! / 1000;
    };
    return {
      incidents: n,
      missing: this.missing,
      reconstructed: this.reconstructed,
      min: sorted[0]! / 1000,
      p25: at(25),
      median: at(50),
      p75: at(75),
      p90: at(90),
      max: sorted[n - 1]! / 1000,
    };
  }
}
