import "server-only";
import { bucketsFor, type BucketKind } from "@/lib/insights/buckets";
import { DEADLINE_DAYS_BY_WEEKDAY } from "@/lib/insights/deadline";
import { offsetAt, WORKING_HOURS, type OffsetWalk } from "@/lib/insights/time-zone";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * The organisation's wall clock in JavaScript, the same arithmetic scope.ts writes in SQL:
 * the walked offsets, and offsetAt for an instant outside the walk.
 */
export function localClock(walk: OffsetWalk): (ms: number) => number {
  const { segments, fromMs, untilMs, timeZone } = walk;
  return (ms) => {
    if (ms < fromMs || ms >= untilMs) return ms + offsetAt(timeZone, ms);
    let k = segments.length - 1;
    while (k > 0 && ms < segments[k]!.from) k--;
    return ms + segments[k]!.offsetMs;
  };
}

const weekday = (local: number) => (Math.floor(local / DAY) + 4) % 7;

/** Outside 09:00–18:00 Monday–Friday on the wall clock. */
export function isOutOfHours(local: number): boolean {
  const day = weekday(local);
  const hour = Math.floor(local / HOUR) % 24;
  return day === 0 || day === 6 || hour < WORKING_HOURS.startHour || hour >= WORKING_HOURS.endHour;
}

/** The postmortem deadline (wall clock) of a resolution (wall clock): lib/insights/deadline.ts. */
export const deadlineOf = (resolvedLocal: number) => resolvedLocal + DEADLINE_DAYS_BY_WEEKDAY[weekday(resolvedLocal)]! * DAY;

/**
 * Index into bucketsFor(from, to, kind) of a wall-clock instant, or -1 outside them: a table
 * from calendar day to bucket, built once per report.
 */
export function bucketIndexer(from: string, to: string, kind: BucketKind): { count: number; indexOf: (local: number) => number } {
  const buckets = bucketsFor(from, to, kind);
  const dayOf = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY;
  const first = buckets.length ? dayOf(buckets[0]!.start) : 0;
  const last = dayOf(to);
  const table = new Int16Array(Math.max(0, last - first + 1)).fill(-1);
  buckets.forEach((b, k) => {
    const end = k + 1 < buckets.length ? dayOf(buckets[k + 1]!.start) : last + 1;
    table.fill(k, dayOf(b.start) - first, end - first);
  });
  return {
    count: buckets.length,
    indexOf: (local) => {
      const day = Math.floor(local / DAY) - first;
      return day >= 0 && day < table.length ? table[day]! : -1;
    },
  };
}
