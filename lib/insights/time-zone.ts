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
 * The longest stretch one walk samples: a report's current and previous periods (at most
 * 2 × 1,096 days) plus the margins around them fit; the walk costs time in proportion to it.
 */
export const MAX_WALK_DAYS = 2500;

/**
 * Sampling step of the walk. A change and its reversal within one step would be missed; no
 * zone has had two offset changes less than a week apart in this century.
 */
const STEP = 7 * DAY;

/**
 * The UTC offsets of a time zone between two instants, as segments starting at each change
 * (daylight saving). SQL turns them into a CASE so local hours, weekdays and calendar days
 * are computed in the database. The first segment starts at `fromMs`; instants before it
 * use its offset, instants after `toMs` the last one's. Refuses stretches longer than
 * MAX_WALK_DAYS, so the cost never grows with the distance between two far-apart instants.
 */
export function offsetSegments(timeZone: string, fromMs: number, toMs: number): OffsetSegment[] {
  if (!(toMs - fromMs <= MAX_WALK_DAYS * DAY)) throw new RangeError(`Offset walk of more than ${MAX_WALK_DAYS} days`);
  let current = offsetAt(timeZone, fromMs);
  const segments: OffsetSegment[] = [{ from: fromMs, offsetMs: current }];
  let lo = fromMs;
  while (lo < toMs) {
    const hi = Math.min(lo + STEP, toMs);
    if (offsetAt(timeZone, hi) === current) {
      lo = hi;
      continue;
    }
    // Continue from the change itself, so two changes within one step are both found.
    lo = changeBetween(timeZone, lo, hi, current);
    current = offsetAt(timeZone, lo);
    segments.push({ from: lo, offsetMs: current });
  }
  return segments;
}

/**
 * The walked offsets of a zone over [fromMs, untilMs) — at most MAX_WALK_DAYS from fromMs —
 * for SQL: instants outside it are converted one by one (db/sql-functions.ts tz_offset_ms).
 */
export type OffsetWalk = { timeZone: string; fromMs: number; untilMs: number; segments: OffsetSegment[] };

export function offsetWalk(timeZone: string, fromMs: number, toMs: number): OffsetWalk {
  const untilMs = Math.max(fromMs, Math.min(toMs, fromMs + MAX_WALK_DAYS * DAY));
  return { timeZone, fromMs, untilMs, segments: offsetSegments(timeZone, fromMs, untilMs) };
}

/** The first instant (to the minute) in (lo, hi] whose offset differs from `before`, lo's. */
function changeBetween(timeZone: string, lo: number, hi: number, before: number): number {
  while (hi - lo > 60_000) {
    const mid = lo + Math.max(1, Math.floor((hi - lo) / 2 / 60_000)) * 60_000;
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
