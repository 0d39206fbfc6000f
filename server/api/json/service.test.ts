import { describe, expect, it } from "vitest";
import { computeBudget } from "../../../lib/error-budget";
import { round2, toBudgetJson, toLinkedServiceJson, toServiceDetailJson, toServiceJson, toSloJson, toSloSpendJson, type ServiceLike } from "./service";

const T0 = Date.UTC(2026, 2, 1, 12, 0);
const MIN = 60_000;

const service: ServiceLike = {
  id: 7,
  slug: "payments-api",
  name: "Payments API",
  description: "Takes money",
  teamId: 3,
  teamName: "Payments",
  tier: 1,
  runbookUrl: "https://wiki.example.com/payments",
  links: [{ label: "Dashboard", url: "https://grafana.example.com/d/pay" }],
  version: 4,
  openIncidents: 2,
  worstStatus: "at_risk",
  sloCount: 1,
  createdAt: T0,
  updatedAt: T0 + MIN,
};

const slo = {
  id: 11,
  serviceId: 7,
  name: "Availability",
  sliDescription: "Good requests / all",
  objective: 99.9,
  windowDays: 28,
  version: 2,
  createdAt: T0,
  updatedAt: T0,
};

describe("round2", () => {
  it("rounds to two decimals and never returns -0 or a non-finite number", () => {
    expect(round2(40.319999999)).toBe(40.32);
    expect(round2(1 / 3)).toBe(0.33);
    expect(round2(-0.001)).toBe(0);
    expect(Object.is(round2(-0.001), -0)).toBe(false);
    expect(Number.isFinite(round2(-Infinity))).toBe(true);
    expect(round2(-Infinity)).toBeLessThan(0);
    expect(round2(NaN)).toBe(0);
  });
});

describe("toServiceJson", () => {
  it("gives the public shape: slug, team as {id, name}, ISO times, no internal id", () => {
    const json = toServiceJson(service);
    // These pass through unchanged; the rest is renamed or reformatted.
    const { slug, name, description, tier, runbookUrl, links, version, openIncidents, worstStatus, sloCount } = service;
    expect(json).toEqual({
      slug,
      name,
      description,
      tier,
      runbookUrl,
      links,
      version,
      openIncidents,
      worstStatus,
      sloCount,
      team: { id: 3, name: "Payments" },
      createdAt: "2026-03-01T12:00:00.000Z",
      updatedAt: "2026-03-01T12:01:00.000Z",
    });
    expect(json).not.toHaveProperty("id");
    expect(json).not.toHaveProperty("teamId");
  });

  it("has no team when the service is unowned", () => {
    expect(toServiceJson({ ...service, teamId: null, teamName: null }).team).toBeNull();
  });
});

describe("toSloJson", () => {
  it("99.9 % over 28 days with a 20-minute full outage: 40.32 budget, 20 spent, 20.32 left", () => {
    const now = T0 + 60 * MIN;
    const budget = computeBudget({
      objective: 99.9,
      windowDays: 28,
      now,
      impacts: [{ incidentId: 42, startedAt: now - 30 * MIN, endedAt: now - 10 * MIN, impact: "full_outage" }],
    });
    const json = toSloJson({ ...slo, budget });
    expect(json).toMatchObject({ id: 11, name: "Availability", sliDescription: "Good requests / all", objective: 99.9, windowDays: 28, version: 2 });
    expect(json.budget).toEqual({
      budgetMinutes: 40.32,
      spentMinutes: 20,
      remainingMinutes: 20.32,
      remainingPercent: 50.4,
      status: "healthy",
      windowStart: new Date(now - 28 * 24 * 60 * MIN).toISOString(),
      windowEnd: new Date(now).toISOString(),
      incidents: [{ reference: "INC-42", title: null, minutes: 20, overridden: false }],
    });
  });

  it("rounds minutes to two decimals", () => {
    const now = T0;
    const budget = computeBudget({
      objective: 99.95,
      windowDays: 7,
      now,
      impacts: [{ incidentId: 1, startedAt: now - 10_000, endedAt: now, impact: "degraded" }],
    });
    const json = toBudgetJson(budget);
    // 7 days × 1440 × 0.0005 = 5.04; 10 s × 0.25 = 0.041666… min.
    expect(json.budgetMinutes).toBe(5.04);
    expect(json.spentMinutes).toBe(0.04);
    expect(json.incidents[0]!.minutes).toBe(0.04);
    expect(json.remainingMinutes).toBe(5);
  });

  it("hides incidents the reader may not see: no reference, no title", () => {
    const now = T0;
    const budget = computeBudget({
      objective: 99,
      windowDays: 1,
      now,
      impacts: [
        { incidentId: 5, startedAt: now - 10 * MIN, endedAt: now - 5 * MIN, impact: "full_outage" },
        { incidentId: 6, startedAt: now - 4 * MIN, endedAt: now - 2 * MIN, impact: "full_outage", overrideMinutes: 1.5 },
      ],
    });
    const json = toBudgetJson(budget, new Map([[6, { title: "Cache miss storm" }]]));
    expect(json.incidents).toEqual([
      { reference: null, title: null, minutes: 5, overridden: false },
      { reference: "INC-6", title: "Cache miss storm", minutes: 1.5, overridden: true },
    ]);
  });

  it("reports an overspent budget as exhausted with a negative remainder", () => {
    const now = T0;
    const budget = computeBudget({
      objective: 99.9,
      windowDays: 1,
      now,
      impacts: [{ incidentId: 9, startedAt: now - 3 * MIN, endedAt: null, impact: "full_outage" }],
    });
    const json = toBudgetJson(budget);
    expect(json.budgetMinutes).toBe(1.44);
    expect(json.spentMinutes).toBe(3);
    expect(json.remainingMinutes).toBe(-1.56);
    expect(json.remainingPercent).toBe(-108.33);
    expect(json.status).toBe("exhausted");
  });
});

describe("toServiceDetailJson", () => {
  it("is the service with its SLOs and their budgets", () => {
    const budget = computeBudget({ objective: 99.9, windowDays: 28, now: T0, impacts: [] });
    const json = toServiceDetailJson({ ...service, slos: [{ ...slo, budget }] });
    expect(json.slug).toBe("payments-api");
    expect(json.slos).toHaveLength(1);
    expect(json.slos[0]!.budget).toMatchObject({
      budgetMinutes: 40.32,
      spentMinutes: 0,
      remainingMinutes: 40.32,
      remainingPercent: 100,
      status: "healthy",
      incidents: [],
    });
  });
});

describe("toLinkedServiceJson and toSloSpendJson", () => {
  it("shows a linked service by slug with its impact and an ISO time", () => {
    expect(toLinkedServiceJson({ slug: "web", name: "Web", tier: 2, teamName: null, impact: "partial_outage", linkedAt: T0 })).toEqual({
      slug: "web",
      name: "Web",
      tier: 2,
      teamName: null,
      impact: "partial_outage",
      linkedAt: "2026-03-01T12:00:00.000Z",
    });
  });

  it("groups the SLO and service, rounds minutes and keeps pushed", () => {
    const json = toSloSpendJson({
      sloId: 3,
      sloName: "Latency",
      objective: 99.5,
      windowDays: 30,
      serviceSlug: "web",
      serviceName: "Web",
      budgetMinutes: 216.0000001,
      spentMinutes: 12.3456,
      overridden: { minutes: 10.004, reason: "Only EU affected" },
      status: "at_risk",
      pushed: true,
    });
    expect(json).toEqual({
      slo: { id: 3, name: "Latency", objective: 99.5, windowDays: 30 },
      service: { slug: "web", name: "Web" },
      budgetMinutes: 216,
      spentMinutes: 12.35,
      overridden: { minutes: 10, reason: "Only EU affected" },
      status: "at_risk",
      pushed: true,
    });
  });
});
