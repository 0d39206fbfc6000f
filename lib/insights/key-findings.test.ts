import { describe, expect, it } from "vitest";
import { keyFindings } from "./key-findings";
import type { DurationStats, InsightsReport } from "./types";

const stats = (median: number | null, p90: number | null): DurationStats => ({
  incidents: 3,
  missing: 0,
  reconstructed: 0,
  min: null,
  p25: null,
  median,
  p75: null,
  p90,
  max: null,
});
const sev = (SEV1: number, total: number) => ({ total, bySeverity: { SEV1, SEV2: total - SEV1, SEV3: 0, SEV4: 0 } });

function report(overrides: Partial<InsightsReport["headline"]> = {}): InsightsReport {
  return {
    period: { days: 90 },
    headline: {
      incidents: { current: sev(1, 22), previous: sev(2, 18) },
      durations: { mitigate: { current: stats(54 * 60, 133 * 60), previous: stats(63 * 60, 256 * 60) } },
      postmortemsOnTime: { current: { numerator: 4, denominator: 7, rate: 4 / 7 }, previous: { numerator: 6, denominator: 6, rate: 1 } },
      actionItemsOnTime: { current: { numerator: 17, denominator: 25, rate: 0.68 }, previous: { numerator: 0, denominator: 0, rate: null } },
      actionItemsOverdueNow: 6,
      ...overrides,
    },
    factors: {
      ranked: [{ id: 1, name: "Change / deploy", incidents: 8, previousIncidents: 5, trend: [] }],
      repeats: { total: 7, items: [] },
      coverage: { incidents: 0, missing: 0, reconstructed: 0 },
    },
    services: {
      rows: [{ slug: "auth", name: "Authentication", team: null, incidents: 4, impactMinutes: 286, budgetStatus: "exhausted", slos: [] }],
      coverage: { incidents: 0, missing: 0, reconstructed: 0 },
    },
    responders: {
      outOfHours: { numerator: 11, denominator: 22, rate: 0.5 },
      people: [{ userId: 1, name: "Marcus Chen", incidents: 13, outOfHours: 5, outOfHoursRate: 5 / 13 }],
    },
  } as unknown as InsightsReport;
}

describe("key findings", () => {
  it("tells the period's story against the one before", () => {
    expect(keyFindings(report())).toEqual([
      { topic: "Volume", text: "22 incidents in the last 90 days, 4 more than the 90 days before (18); 1 SEV1 (2 before).", tone: "worse" },
      {
        topic: "Speed",
        text: "Half of the incidents stopped hurting customers within 54 min, 9 min faster than before; one in ten took longer than 2 h 13 min.",
        tone: "better",
      },
      {
        topic: "Causes",
        text: "“Change / deploy” is the most common contributing factor (8 incidents, 5 before); 7 incidents repeated a service and factor seen within 90 days.",
        tone: "worse",
      },
      { topic: "Services", text: "Authentication was hit most often (4 incidents, 4 h 46 min of impact); its error budget is exhausted.", tone: "worse" },
      {
        topic: "Follow-through",
        text: "57% of required postmortems were published on time (100% before); 68% of action items due were done on time; 6 action items are overdue now.",
        tone: "worse",
      },
      { topic: "Load", text: "50% of incidents were declared out of hours; Marcus Chen held a role on 13 incidents.", tone: "neutral" },
    ]);
  });

  it("leaves out what it cannot say instead of guessing", () => {
    const r = report({ durations: { mitigate: { current: stats(null, null), previous: stats(null, null) } } as InsightsReport["headline"]["durations"] });
    r.factors.ranked = [];
    r.services.rows = [];
    r.responders.outOfHours = { numerator: 0, denominator: 0, rate: null };
    expect(keyFindings(r).map((f) => f.topic)).toEqual(["Volume", "Follow-through"]);
  });
});
