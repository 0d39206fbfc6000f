const MIN = 60;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

/** Steps a duration axis may use: round figures a person reads at a glance ("2h", "1d"), never "1h 23m". */
const STEPS = [MIN, 5 * MIN, 10 * MIN, 15 * MIN, 30 * MIN, HOUR, 2 * HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR, DAY, 2 * DAY, 7 * DAY, 14 * DAY, 28 * DAY];

/**
 * Ticks (seconds) for a duration axis from 0 to past `maxSeconds`: the smallest round step
 * that needs at most `most` intervals. [0] when there is nothing to show.
 */
export function durationTicks(maxSeconds: number, most = 5): number[] {
  if (!(maxSeconds > 0)) return [0];
  const step = STEPS.find((s) => maxSeconds / s <= most) ?? Math.ceil(maxSeconds / most / DAY) * DAY;
  const top = Math.ceil(maxSeconds / step) * step;
  return Array.from({ length: top / step + 1 }, (_, i) => i * step);
}
