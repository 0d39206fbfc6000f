import { describe, expect, it } from "vitest";
import { budgetMinutes, burnDown, computeBudget, incidentSpendMinutes, needsPostmortem, statusPushedBy, type ImpactWindow } from "./error-budget";

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const now = Date.UTC(2026, 10, 25, 12, 0);
const ago = (minutes: number) => now - minutes * MIN;
// 99.9 % over 28 days: 40,320 min × 0.001 = 40.32 min of budget.
const slo = { objective: 99.9, windowDays: 28, now };

const impact = (
  incidentId: number,
  startMinAgo: number,
  endMinAgo: number | null,
  level: ImpactWindow["impact"],
  extra: Partial<ImpactWindow> = {},
): ImpactWindow => ({
  incidentId,
  startedAt: ago(startMinAgo),
  endedAt: endMinAgo === null ? null : ago(endMinAgo),
  impact: level,
  ...extra,
});

describe("budgetMinutes", () => {
  it("is window minutes × (1 − objective)", () => {
    expect(budgetMinutes(99.9, 28)).toBeCloseTo(40.32, 10);
    expect(budgetMinutes(99, 30)).toBeCloseTo(432, 10);
    expect(budgetMinutes(50, 1)).toBeCloseTo(720, 10);
  });
});

describe("computeBudget", () => {
  it("a single full outage of 20 minutes spends 20 of 40.32 minutes", () => {
    const r = computeBudget({ ...slo, impacts: [impact(1, 100, 80, "full_outage")] });
    expect(r.spentMinutes).toBeCloseTo(20, 10);
    expect(r.remainingMinutes).toBeCloseTo(20.32, 10);
    expect(r.remainingPercent).toBeCloseTo((20.32 / 40.32) * 100, 10);
    expect(r.status).toBe("healthy");
    expect(r.byIncident).toEqual([{ incidentId: 1, minutes: 20, overridden: false }]);
  });

  it("weights impact levels: partial 0.5, degraded 0.25", () => {
    expect(computeBudget({ ...slo, impacts: [impact(1, 100, 60, "partial_outage")] }).spentMinutes).toBeCloseTo(20, 10);
    expect(computeBudget({ ...slo, impacts: [impact(1, 100, 60, "degraded")] }).spentMinutes).toBeCloseTo(10, 10);
  });

  it("overlapping incidents count each minute once, at the highest weight", () => {
    // A: full outage 100→70 min ago (30 min). B: partial outage 80→40 min ago (40 min).
    // 100→70 full (30 × 1) + 70→40 partial only (30 × 0.5) = 45; B gets only its minutes outside A.
    const r = computeBudget({ ...slo, impacts: [impact(1, 100, 70, "full_outage"), impact(2, 80, 40, "partial_outage")] });
    expect(r.spentMinutes).toBeCloseTo(45, 10);
    expect(r.byIncident).toEqual([
      { incidentId: 1, minutes: 30, overridden: false },
      { incidentId: 2, minutes: 15, overridden: false },
    ]);
    expect(r.status).toBe("exhausted");
  });

  it("two identical incidents do not double count", () => {
    const r = computeBudget({ ...slo, impacts: [impact(1, 60, 50, "full_outage"), impact(2, 60, 50, "full_outage")] });
    expect(r.spentMinutes).toBeCloseTo(10, 10);
    expect(r.byIncident).toEqual([{ incidentId: 1, minutes: 10, overridden: false }]);
  });

  it("an incident straddling the window edge counts only its minutes inside the window", () => {
    const windowMinutes = 28 * 24 * 60;
    // Started 30 min before the window opened, ended 10 min after: 10 minutes count.
    const r = computeBudget({ ...slo, impacts: [impact(1, windowMinutes + 30, windowMinutes - 10, "full_outage")] });
    expect(r.spentMinutes).toBeCloseTo(10, 10);
    // Entirely before the window: nothing.
    expect(computeBudget({ ...slo, impacts: [impact(2, windowMinutes + 100, windowMinutes + 1, "full_outage")] }).spentMinutes).toBe(0);
  });

  it("ends impact at mitigation when there is one, else at resolution", () => {
    // DESIGN.md: startedAt → mitigatedAt, else resolvedAt. The caller passes impactEnd(...).
    const mitigated = computeBudget({ ...slo, impacts: [impact(1, 90, 75, "full_outage")] });
    const resolvedOnly = computeBudget({ ...slo, impacts: [impact(1, 90, 30, "full_outage")] });
    expect(mitigated.spentMinutes).toBeCloseTo(15, 10);
    expect(resolvedOnly.spentMinutes).toBeCloseTo(60, 10);
  });

  it("an override replaces the computed minutes and is not merged into overlaps", () => {
    const r = computeBudget({
      ...slo,
      impacts: [impact(1, 100, 70, "full_outage", { overrideMinutes: 5 }), impact(2, 80, 40, "partial_outage")],
    });
    // B alone now: 40 × 0.5 = 20; plus A's override 5.
    expect(r.spentMinutes).toBeCloseTo(25, 10);
    expect(r.byIncident).toContainEqual({ incidentId: 1, minutes: 5, overridden: true });
    expect(r.byIncident).toContainEqual({ incidentId: 2, minutes: 20, overridden: false });
  });

  it("drills spend nothing", () => {
    const r = computeBudget({ ...slo, impacts: [impact(1, 100, 0, "full_outage", { drill: true })] });
    expect(r.spentMinutes).toBe(0);
    expect(r.status).toBe("healthy");
  });

  it("an open incident keeps spending as time passes", () => {
    const open = impact(1, 10, null, "full_outage");
    expect(computeBudget({ ...slo, impacts: [open] }).spentMinutes).toBeCloseTo(10, 10);
    const later = computeBudget({ ...slo, now: now + 15 * MIN, impacts: [open] });
    expect(later.spentMinutes).toBeCloseTo(25, 10);
  });

  it("status: at risk below 25 % left, exhausted at 0 or less", () => {
    // 432-minute budget (99 % over 30 days).
    const base = { objective: 99, windowDays: 30, now };
    expect(computeBudget({ ...base, impacts: [impact(1, 500, 176, "full_outage")] }).status).toBe("healthy"); // 324 spent, 25 % left
    expect(computeBudget({ ...base, impacts: [impact(1, 500, 175, "full_outage")] }).status).toBe("at_risk"); // 325 spent
    expect(computeBudget({ ...base, impacts: [impact(1, 500, 68, "full_outage")] }).status).toBe("exhausted"); // 432 spent
  });
});

describe("burnDown", () => {
  it("starts at the full budget and ends at what remains now", () => {
    const input = { ...slo, impacts: [impact(1, 3 * 24 * 60, 3 * 24 * 60 - 20, "full_outage")] };
    const series = burnDown(input, 29);
    expect(series).toHaveLength(29);
    expect(series[0]!.remainingMinutes).toBeCloseTo(40.32, 10);
    expect(series.at(-1)!.remainingMinutes).toBeCloseTo(20.32, 10);
    expect(series.at(-1)!.at).toBe(now);
    // Never goes up.
    for (let i = 1; i < series.length; i++) expect(series[i]!.remainingMinutes).toBeLessThanOrEqual(series[i - 1]!.remainingMinutes);
  });
});

describe("incidentSpendMinutes", () => {
  it("is the incident's own minutes × weight, the override, or 0 for a drill", () => {
    expect(incidentSpendMinutes(impact(1, 60, 20, "partial_outage"), now)).toBeCloseTo(20, 10);
    expect(incidentSpendMinutes(impact(1, 60, 20, "partial_outage", { overrideMinutes: 3 }), now)).toBe(3);
    expect(incidentSpendMinutes(impact(1, 60, 20, "full_outage", { drill: true }), now)).toBe(0);
    expect(incidentSpendMinutes(impact(1, 30, null, "full_outage"), now)).toBeCloseTo(30, 10);
  });
});

describe("statusPushedBy and needsPostmortem", () => {
  it("tells when this incident pushed an SLO into a worse state", () => {
    const input = { ...slo, impacts: [impact(1, 200, 185, "full_outage"), impact(2, 100, 70, "full_outage")] };
    expect(statusPushedBy(input, 2)).toEqual({ with: "exhausted", without: "healthy", pushed: true });
    const small = { ...slo, impacts: [impact(3, 100, 99, "degraded")] };
    expect(statusPushedBy(small, 3).pushed).toBe(false);
  });

  it("SEV1/2 always need a postmortem; SEV3/4 only when they exhausted a budget; drills never", () => {
    expect(needsPostmortem("SEV1", [])).toBe(true);
    expect(needsPostmortem("SEV2", [])).toBe(true);
    expect(needsPostmortem("SEV3", [])).toBe(false);
    expect(needsPostmortem("SEV3", ["at_risk"])).toBe(false);
    expect(needsPostmortem("SEV4", ["exhausted"])).toBe(true);
    expect(needsPostmortem("SEV1", [], true)).toBe(false);
  });
});

void DAY;
