import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { burnDown, computeBudget, IMPACT_LEVELS, type ImpactWindow } from "./error-budget";
import { OPEN_END, segmentMinutes, sweepSegments } from "./spend-sweep";

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const NOW = Date.UTC(2026, 5, 1);

/** Impacts on one service within ±100 days of NOW, in whole minutes so starts and ends collide often. */
const impactArb = fc.record({
  incidentId: fc.integer({ min: 1, max: 40 }),
  startedAt: fc.integer({ min: -100 * 24 * 60, max: 10 * 24 * 60 }).map((m) => NOW + m * MIN),
  length: fc.option(fc.integer({ min: 0, max: 20 * 24 * 60 }), { nil: null }),
  impact: fc.constantFrom(...IMPACT_LEVELS),
});
const impactsArb = fc.array(impactArb, { maxLength: 25 }).map((list) =>
  [...new Map(list.map((i) => [i.incidentId, i])).values()].map(({ length, ...i }) => ({
    ...i,
    endedAt: length === null ? null : i.startedAt + length * MIN,
  })),
);

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));

describe("sweepSegments (stored spend) against computeBudget (reference)", () => {
  it("gives the same spend per incident for any window and now", () => {
    fc.assert(
      fc.property(impactsArb, fc.constantFrom(1, 7, 28, 90), fc.integer({ min: -30 * 24 * 60, max: 10 * 24 * 60 }), (impacts, windowDays, nowOffset) => {
        const now = NOW + nowOffset * MIN;
        const segments = sweepSegments(impacts, -OPEN_END, OPEN_END);
        const windowStart = now - windowDays * DAY;
        const reference = computeBudget({ objective: 99.9, windowDays, impacts: impacts as ImpactWindow[], now });
        expect(close(segmentMinutes(segments, windowStart, now), reference.spentMinutes)).toBe(true);
        for (const { incidentId, minutes } of reference.byIncident) {
          const mine = segmentMinutes(
            segments.filter((s) => s.incidentId === incidentId),
            windowStart,
            now,
          );
          expect(close(mine, minutes)).toBe(true);
        }
        const credited = new Set(reference.byIncident.map((b) => b.incidentId));
        for (const s of segments) if (!credited.has(s.incidentId)) expect(segmentMinutes([s], windowStart, now)).toBe(0);
      }),
      { numRuns: 300 },
    );
  });

  it("re-sweeping a stretch equals the whole sweep cut to it (what a write re-derives)", () => {
    fc.assert(
      fc.property(
        impactsArb,
        fc.integer({ min: -100 * 24 * 60, max: 10 * 24 * 60 }),
        fc.integer({ min: 0, max: 30 * 24 * 60 }),
        (impacts, fromMin, lengthMin) => {
          const from = NOW + fromMin * MIN;
          const to = from + lengthMin * MIN;
          const whole = sweepSegments(impacts, -OPEN_END, OPEN_END);
          const part = sweepSegments(impacts, from, to);
          expect(close(segmentMinutes(part, -OPEN_END, OPEN_END), segmentMinutes(whole, from, to))).toBe(true);
          for (const s of part) expect(s.start >= from && s.end <= to && s.end > s.start).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("gives the burn-down of the reference at every point", () => {
    fc.assert(
      fc.property(impactsArb, fc.constantFrom(1, 7, 28), (impacts, windowDays) => {
        const segments = sweepSegments(impacts, -OPEN_END, OPEN_END);
        const reference = burnDown({ objective: 99.9, windowDays, impacts: impacts as ImpactWindow[], now: NOW });
        const budget = computeBudget({ objective: 99.9, windowDays, impacts: [], now: NOW }).budgetMinutes;
        for (const point of reference) {
          expect(close(budget - segmentMinutes(segments, NOW - windowDays * DAY, Math.min(point.at, NOW)), point.remainingMinutes)).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("keeps segments apart, ordered, and open impacts open", () => {
    const segments = sweepSegments(
      [
        { incidentId: 1, startedAt: 0, endedAt: null, impact: "degraded" },
        { incidentId: 2, startedAt: 10, endedAt: 20, impact: "full_outage" },
      ],
      -OPEN_END,
      OPEN_END,
    );
    expect(segments).toEqual([
      { start: 0, end: 10, incidentId: 1, weight: 0.25 },
      { start: 10, end: 20, incidentId: 2, weight: 1 },
      { start: 20, end: OPEN_END, incidentId: 1, weight: 0.25 },
    ]);
  });
});
