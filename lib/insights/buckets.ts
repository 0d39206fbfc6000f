import { addDays } from "./params";
import type { TimeBucket } from "./types";

export type BucketKind = "week" | "month";

/** Weekly buckets up to 180 days (at most ~26 bars), monthly beyond. */
export function bucketKindFor(days: number): BucketKind {
  return days <= 180 ? "week" : "month";
}

/**
 * The duration trend's buckets: ISO weeks up to 90 days, months beyond. Coarser than the
 * incident counts' buckets, since a median needs a few incidents to mean anything.
 */
export function trendBucketKindFor(days: number): BucketKind {
  return days <= 90 ? "week" : "month";
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** The first day of the bucket a calendar day belongs to: the Monday of its week, or the 1st of its month. */
export function bucketStart(dayString: string, kind: BucketKind): string {
  if (kind === "month") return `${dayString.slice(0, 7)}-01`;
  const weekday = new Date(`${dayString}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(dayString, -((weekday + 6) % 7));
}

function labelOf(start: string, kind: BucketKind): string {
  const [y, m, d] = start.split("-").map(Number);
  return kind === "month" ? `${MONTHS[m! - 1]} ${y}` : `${d} ${MONTHS[m! - 1]}`;
}

function nextStart(start: string, kind: BucketKind): string {
  if (kind === "week") return addDays(start, 7);
  const [y, m] = start.split("-").map(Number);
  return m === 12 ? `${y! + 1}-01-01` : `${y}-${String(m! + 1).padStart(2, "0")}-01`;
}

/** Every bucket that overlaps from–to (calendar days, both included), oldest first, empty ones too. */
export function bucketsFor(from: string, to: string, kind: BucketKind): TimeBucket[] {
  const buckets: TimeBucket[] = [];
  for (let start = bucketStart(from, kind); start <= to; start = nextStart(start, kind)) {
    buckets.push({ start, label: labelOf(start, kind) });
  }
  return buckets;
}
