import { describe, expect, it } from "vitest";
import { findRepeats, type RepeatCandidate } from "./repeats";

const DAY = 86_400_000;
const at = (d: number) => Date.UTC(2026, 0, 1) + d * DAY;

describe("repeat incidents: same service and factor within 90 days", () => {
  const incidents: RepeatCandidate[] = [
    { id: 1, startedAt: at(0), serviceIds: [10], factorIds: [1] },
    { id: 2, startedAt: at(30), serviceIds: [10, 11], factorIds: [1, 2] }, // repeats 1 (10, 1)
    { id: 3, startedAt: at(60), serviceIds: [11], factorIds: [1] }, // shares 11 and 1 with 2
    { id: 4, startedAt: at(200), serviceIds: [10], factorIds: [1] }, // nothing within 90 days before
    { id: 5, startedAt: at(289), serviceIds: [10], factorIds: [3] }, // same service, other factor
    { id: 6, startedAt: at(290), serviceIds: [10], factorIds: [1] }, // 4 is exactly 90 days before
    { id: 7, startedAt: at(291), serviceIds: [12], factorIds: [1] }, // same factor, other service
    { id: 8, startedAt: at(380.5), serviceIds: [10], factorIds: [1] }, // 6 is 90.5 days before
  ];

  it("finds the latest earlier match within the window, and only ones sharing both", () => {
    expect(findRepeats(incidents, new Set(incidents.map((i) => i.id)))).toEqual([
      { id: 2, previousId: 1, serviceId: 10, factorId: 1 },
      { id: 3, previousId: 2, serviceId: 11, factorId: 1 },
      { id: 6, previousId: 4, serviceId: 10, factorId: 1 },
    ]);
  });

  it("reports only the incidents asked about, but looks back past them", () => {
    expect(findRepeats(incidents, new Set([2]))).toEqual([{ id: 2, previousId: 1, serviceId: 10, factorId: 1 }]);
  });

  it("breaks a tie in start time by id, so the earlier-declared one is the previous", () => {
    const same: RepeatCandidate[] = [
      { id: 20, startedAt: at(5), serviceIds: [1], factorIds: [1] },
      { id: 21, startedAt: at(5), serviceIds: [1], factorIds: [1] },
    ];
    expect(findRepeats(same, new Set([20, 21]))).toEqual([{ id: 21, previousId: 20, serviceId: 1, factorId: 1 }]);
  });
});
