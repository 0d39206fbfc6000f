import type { DurationBin } from "./types";

const MIN = 60;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

/** Histogram bins for time to mitigate / resolve: widening, since incident durations are skewed. */
export const DURATION_BINS: DurationBin[] = [
  { key: "lt15m", label: "< 15 min", minSeconds: 0, maxSeconds: 15 * MIN },
  { key: "15m-30m", label: "15–30 min", minSeconds: 15 * MIN, maxSeconds: 30 * MIN },
  { key: "30m-1h", label: "30 min–1 h", minSeconds: 30 * MIN, maxSeconds: HOUR },
  { key: "1h-2h", label: "1–2 h", minSeconds: HOUR, maxSeconds: 2 * HOUR },
  { key: "2h-4h", label: "2–4 h", minSeconds: 2 * HOUR, maxSeconds: 4 * HOUR },
  { key: "4h-8h", label: "4–8 h", minSeconds: 4 * HOUR, maxSeconds: 8 * HOUR },
  { key: "8h-1d", label: "8–24 h", minSeconds: 8 * HOUR, maxSeconds: DAY },
  { key: "1d-3d", label: "1–3 days", minSeconds: DAY, maxSeconds: 3 * DAY },
  { key: "gte3d", label: "3 days +", minSeconds: 3 * DAY, maxSeconds: null },
];

/** The bin a duration falls in: lower bound included, upper bound excluded. */
export function binIndex(seconds: number): number {
  const index = DURATION_BINS.findIndex((b) => b.maxSeconds === null || seconds < b.maxSeconds);
  return index === -1 ? DURATION_BINS.length - 1 : index;
}
