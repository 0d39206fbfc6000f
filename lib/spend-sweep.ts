import { IMPACT_WEIGHT, type ImpactLevel } from "./error-budget";

const MINUTE = 60_000;
/** Stands for "impact not ended yet" in stored spend segments (Number.MAX_SAFE_INTEGER). */
export const OPEN_END = 9007199254740991;

/** One non-drill, non-overridden impact of an incident on a service, as the sweep sees it. */
export type SweepImpact = { incidentId: number; startedAt: number; endedAt: number | null; impact: ImpactLevel };

/** A stretch of time credited to one incident at its weight; `end` is OPEN_END while the impact goes on. */
export type SpendSegment = { start: number; end: number; incidentId: number; weight: number };

type Ranked = { incidentId: number; startedAt: number; weight: number; start: number; end: number };

/** The same order as lib/error-budget.ts's sweep: heaviest first, then earliest start, then lowest id. */
const beats = (a: Ranked, b: Ranked) =>
  a.weight > b.weight || (a.weight === b.weight && (a.startedAt < b.startedAt || (a.startedAt === b.startedAt && a.incidentId < b.incidentId)));

/**
 * The error-budget sweep without a window or a `now`: over [from, to), each moment is credited
 * once, to the heaviest incident active then. Open impacts run to OPEN_END, so the result only
 * changes when impacts change, and a budget is the segments clipped to its window at read time.
 */
export function sweepSegments(impacts: SweepImpact[], from: number, to: number): SpendSegment[] {
  const clipped: Ranked[] = [];
  for (const i of impacts) {
    const start = Math.max(i.startedAt, from);
    const end = Math.min(i.endedAt ?? OPEN_END, to);
    if (end > start) clipped.push({ incidentId: i.incidentId, startedAt: i.startedAt, weight: IMPACT_WEIGHT[i.impact], start, end });
  }
  clipped.sort((a, b) => a.start - b.start);
  const points = [...new Set(clipped.flatMap((s) => [s.start, s.end]))].sort((a, b) => a - b);
  const out: SpendSegment[] = [];
  let active: Ranked[] = [];
  let next = 0;
  for (let p = 0; p + 1 < points.length; p++) {
    const at = points[p]!;
    active = active.filter((s) => s.end > at);
    while (next < clipped.length && clipped[next]!.start <= at) active.push(clipped[next++]!);
    let best: Ranked | null = null;
    for (const s of active) if (!best || beats(s, best)) best = s;
    if (!best) continue;
    const last = out[out.length - 1];
    if (last && last.end === at && last.incidentId === best.incidentId) last.end = points[p + 1]!;
    else out.push({ start: at, end: points[p + 1]!, incidentId: best.incidentId, weight: best.weight });
  }
  return out;
}

/** Weighted minutes of segments inside [from, to). */
export function segmentMinutes(segments: SpendSegment[], from: number, to: number): number {
  let weightedMs = 0;
  for (const s of segments) {
    const length = Math.min(s.end, to) - Math.max(s.start, from);
    if (length > 0) weightedMs += length * s.weight;
  }
  return weightedMs / MINUTE;
}
