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
    // Selection rather than a full sort: each percentile needs only its rank and the next one.
    const values = this.values.subarray(0, n);
    let min = Infinity;
    let max = -Infinity;
    for (let k = 0; k < n; k++) {
      const v = values[k]!;
      if (v < min) min = v;
      if (v > max) max = v;
    }
    let from = 0;
    const at = (p: (typeof PERCENTILES)[number]) => {
      const lo = Math.floor((p * (n - 1)) / 100);
      select(values, from, n - 1, lo);
      from = lo;
      let next: number | null = null;
      for (let k = lo + 1; k < n; k++) if (next === null || values[k]! < next) next = values[k]!;
      return interpolate(n, p, values[lo]!, next)! / 1000;
    };
    const [p25, median, p75, p90] = PERCENTILES.map(at) as [number, number, number, number];
    return { incidents: n, missing: this.missing, reconstructed: this.reconstructed, min: min / 1000, p25, median, p75, p90, max: max / 1000 };
  }
}

/**
 * Rearranges a[left..right] so that a[k] holds the value a sorted copy would hold there, with
 * no larger value before it and no smaller one after it (Hoare's selection, middle pivot).
 */
export function select(a: Float64Array, left: number, right: number, k: number) {
  let l = left;
  let r = right;
  while (l < r) {
    const pivot = a[(l + r) >> 1]!;
    let i = l;
    let j = r;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (pivot < a[j]!) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i++] = a[j]!;
        a[j--] = t;
      }
    }
    if (k <= j) r = j;
    else if (k >= i) l = i;
    else return;
  }
}
