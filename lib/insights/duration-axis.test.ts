import { describe, expect, it } from "vitest";
import { durationTicks } from "./duration-axis";

const MIN = 60;
const HOUR = 3600;

describe("duration axis ticks", () => {
  it("picks a round step with at most five intervals, up past the largest value", () => {
    expect(durationTicks(50 * MIN)).toEqual([0, 10, 20, 30, 40, 50].map((m) => m * MIN));
    expect(durationTicks(55 * MIN)).toEqual([0, 15, 30, 45, 60].map((m) => m * MIN));
    expect(durationTicks(7 * HOUR)).toEqual([0, 2, 4, 6, 8].map((h) => h * HOUR));
    expect(durationTicks(2 * HOUR)).toEqual([0, 30, 60, 90, 120].map((m) => m * MIN));
    expect(durationTicks(3 * 86_400)).toEqual([0, 1, 2, 3].map((d) => d * 86_400));
  });

  it("keeps to whole days far out and to [0] without data", () => {
    expect(durationTicks(0)).toEqual([0]);
    expect(durationTicks(Number.NaN)).toEqual([0]);
    const ticks = durationTicks(400 * 86_400);
    expect(ticks.length).toBeLessThanOrEqual(6);
    expect(ticks.at(-1)).toBeGreaterThanOrEqual(400 * 86_400);
    for (const t of ticks) expect(t % 86_400).toBe(0);
  });
});
