import type { Ratio } from "./types";

export function ratio(numerator: number, denominator: number): Ratio {
  return { numerator, denominator, rate: denominator > 0 ? numerator / denominator : null };
}

export type Change = { delta: number; percent: number | null; direction: "up" | "down" | "same" };

/**
 * A figure against the previous period: the difference, and the relative change in percent
 * (null when the previous value was 0 or either is missing).
 */
export function changeOf(current: number | null, previous: number | null): Change | null {
  if (current === null || previous === null) return null;
  const delta = current - previous;
  return {
    delta,
    percent: previous !== 0 ? (delta / previous) * 100 : null,
    direction: delta > 0 ? "up" : delta < 0 ? "down" : "same",
  };
}
