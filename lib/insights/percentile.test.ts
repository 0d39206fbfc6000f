import { describe, expect, it } from "vitest";
import { durationStats, interpolate, percentile } from "./percentile";

describe("percentile (linear interpolation between closest ranks)", () => {
  it("takes the middle value of an odd count as the median", () => {
    expect(percentile([10, 20, 60], 50)).toBe(20);
    expect(percentile([1, 2, 3, 4, 100], 50)).toBe(3);
  });

  it("takes the mean of the two middle values of an even count as the median", () => {
    expect(percentile([40, 90, 120, 200], 50)).toBe(105);
    expect(percentile([1, 2], 50)).toBe(1.5);
  });

  it("interpolates p90 by rank 0.9 × (n − 1)", () => {
    // n = 3: rank 1.8 → 20 + 0.8 × (60 − 20) = 52
    expect(percentile([10, 20, 60], 90)).toBeCloseTo(52, 10);
    // n = 4: rank 2.7 → 120 + 0.7 × 80 = 176
    expect(percentile([40, 90, 120, 200], 90)).toBeCloseTo(176, 10);
    // n = 11: rank exactly 9 (no floating-point drift to 8.999…)
    expect(percentile([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    // n = 10: rank 8.1 → 8 + 0.1 × (100 − 8) = 17.2
    expect(percentile([0, 1, 2, 3, 4, 5, 6, 7, 8, 100], 90)).toBeCloseTo(17.2, 10);
  });

  it("is the value itself for one value and null for none", () => {
    expect(percentile([42], 90)).toBe(42);
    expect(percentile([], 50)).toBeNull();
  });

  it("interpolate agrees with percentile given the two ranks around it", () => {
    const values = [3, 8, 8, 15, 16, 23, 42, 99];
    for (const p of [25, 50, 75, 90]) {
      const lo = Math.floor((p * (values.length - 1)) / 100);
      expect(interpolate(values.length, p, values[lo]!, values[lo + 1] ?? null)).toBeCloseTo(percentile(values, p)!, 10);
    }
    expect(interpolate(0, 50, null, null)).toBeNull();
  });
});

describe("durationStats", () => {
  it("leaves out and counts incidents missing a timestamp, and counts reconstructed ones apart", () => {
    const stats = durationStats([
      { seconds: 600, reconstructed: false },
      { seconds: null, reconstructed: false },
      { seconds: 60, reconstructed: true },
      { seconds: 1800, reconstructed: false },
      { seconds: null, reconstructed: true },
    ]);
    expect(stats).toEqual({ incidents: 3, missing: 2, reconstructed: 1, min: 60, p25: 330, median: 600, p75: 1200, p90: 1560, max: 1800 });
  });

  it("has no figures but keeps the missing count when nothing is measurable", () => {
    expect(durationStats([{ seconds: null, reconstructed: false }])).toMatchObject({ incidents: 0, missing: 1, median: null, p90: null });
  });
});
