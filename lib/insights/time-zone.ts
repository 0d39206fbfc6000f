import { TZDate } from "@date-fns/tz";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Working hours for the out-of-hours share: 09:00–18:00, Monday to Friday, local time. */
export const WORKING_HOURS = { startHour: 9, endHour: 18 } as const;

/** Milliseconds to add to a UTC instant to get the wall clock of a time zone at that instant. */
export function offsetAt(timeZone: string, ms: number): number {
  return -new TZDate(ms, timeZone).getTimezoneOffset() * 60_000;
}

/** A stretch of time with one UTC offset: from `from` (inclusive) until the next segment. */
export type OffsetSegment = { from: number; offsetMs: number };

/**
 * The UTC offsets of a time zone between two instants, as segments starting at each change
 * (daylight saving). SQL turns them into a CASE so local hours, weekdays and calendar days
 * are computed in the database. The first segment starts at `fromMs`; instants before it
 * use its offset, instants after `toMs` the last one's.
 */
export function offsetSegments(timeZone: string, fromMs: number, toMs: number): OffsetSegment[] {
  const segments: OffsetSegment[] = [{ from: fromMs, offsetMs: offsetAt(timeZone, fromMs) }];
  // Zones change offset at most a few times a year and never twice within 12 hours.
  const step = 12 * HOUR;
  let previous = fromMs;
  for (let at = fromMs + step; previous < toMs; at += step) {
    const sample = Math.min(at, toMs);
    const offset = offsetAt(timeZone, sample);
    if (offset !== segments[segments.length - 1]!.offsetMs) segments.push({ from: changeBetween(timeZone, previous, sample), offsetMs: offset });
    previous = sample;
  }
  return segments;
}

/** The first instant (to the minute) in (lo, hi] whose offset differs from lo's. */
function changeBetween(timeZone: string, lo: number, hi: number): number {
  const before = offsetAt(timeZone, lo);
  while (hi - lo > 60_000) {
    const mid = lo + Math.floor((hi - lo) / 2 / 60_000) * 60_000;
    if (offsetAt(timeZone, mid) === before) lo = mid;
    else hi = mid;
  }
  return hi;
}

/** The wall clock of an instant in a zone, expressed as if it were UTC milliseconds. */
export function wallClock(timeZone: string, ms: number): number {
  return ms + offsetAt(timeZone, ms);
}

/**
 * Out of hours: outside 09:00–18:00 Monday–Friday on the organisation's wall clock
 * (18:00 itself is out of hours; 09:00 is in).
 */
export function isOutOfHours(timeZone: string, ms: number): boolean {
  const local = wallClock(timeZone, ms);
  const weekday = (Math.floor(local / DAY) + 4) % 7; // 1970-01-01 was a Thursday (4); 0 = Sunday
  const hour = Math.floor(local / HOUR) % 24;
  return weekday === 0 || weekday === 6 || hour < WORKING_HOURS.startHour || hour >= WORKING_HOURS.endHour;
}
