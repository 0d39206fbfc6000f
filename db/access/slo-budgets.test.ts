import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { createTestDb, type TestDb, type TestUser } from "../testing/test-db";
import { auditLog, incidents, timelineEntries, type Slo } from "../schema";
import { createService } from "../commands/catalogue/services";
import { createSlo } from "../commands/catalogue/slos";
import { declareIncident } from "../commands/incidents/declare";
import { setSpendOverride } from "../commands/incidents/services";
import { refreshSpendFor, spendSnapshot } from "./slo-spend-segments";
import { budgetsFor, burnDownFor, visibleIncidentTitles } from "./slo-budgets";

let t: TestDb;
let admin: TestUser;
let responder: TestUser;
let viewer: TestUser;
let NOW: number;

const MIN = 60_000;
const DAY = 24 * 60 * MIN;

beforeAll(async () => {
  t = await createTestDb();
  admin = await t.createUser("admin");
  responder = await t.createUser("responder");
  viewer = await t.createUser("viewer");
  NOW = Date.now();
});
afterAll(() => t.cleanup());

let serial = 0;
/** A new service with one SLO. */
async function serviceWithSlo(objective = 99.9, windowDays = 28): Promise<{ slug: string; slo: Slo }> {
  serial += 1;
  const slug = `svc-${serial}`;
  await createService({ actor: admin.actor, input: { slug, name: `Service ${serial}`, tier: 2 } });
  return { slug, slo: await createSlo({ actor: admin.actor, slug, input: { name: "Availability", objective, windowDays } }) };
}

type Times = { start: number; mitigated?: number | null; resolved?: number | null };
/** An incident on `slug` whose impact runs over the given times (ms, absolute). */
async function incident(slug: string, impact: "degraded" | "partial_outage" | "full_outage", times: Times, flags: { drill?: boolean; private?: boolean } = {}) {
  const { incident } = await declareIncident({
    actor: responder.actor,
    input: { title: `Impact on ${slug}`, severity: "SEV3", services: [{ service: slug, impact }], ...flags },
  });
  // Written straight to the row, so the stored spend is refreshed as the commands do.
  const spendBefore = await spendSnapshot(t.db, incident.id);
  await t.db
    .update(incidents)
    .set({
      startedAt: times.start,
      detectedAt: times.start,
      mitigatedAt: times.mitigated ?? null,
      resolvedAt: times.resolved ?? null,
      status: times.resolved ? "resolved" : times.mitigated ? "monitoring" : "investigating",
    })
    .where(eq(incidents.id, incident.id));
  await refreshSpendFor(t.db, { incidentId: incident.id, before: spendBefore });
  return incident.id;
}

const budget = async (slo: Slo, now = NOW) => (await budgetsFor(t.db, [slo], now)).get(slo.id)!;

describe("SLO budgets through the database (hand-worked)", () => {
  it("99.9 % over 28 days is 40.32 minutes; a 20-minute full outage spends 20 and leaves 20.32", async () => {
    const { slug, slo } = await serviceWithSlo();
    expect(await budget(slo)).toMatchObject({
      budgetMinutes: 40.32,
      spentMinutes: 0,
      remainingMinutes: 40.32,
      remainingPercent: 100,
      status: "healthy",
      byIncident: [],
    });
    const id = await incident(slug, "full_outage", { start: NOW - 60 * MIN, mitigated: NOW - 40 * MIN, resolved: NOW - 30 * MIN });
    const b = await budget(slo);
    expect(b.spentMinutes).toBeCloseTo(20, 9);
    expect(b.remainingMinutes).toBeCloseTo(20.32, 9);
    expect(b.remainingPercent).toBeCloseTo((20.32 / 40.32) * 100, 9);
    expect(b.status).toBe("healthy");
    expect(b.byIncident).toEqual([{ incidentId: id, minutes: 20, overridden: false }]);
    expect(b.windowEnd).toBe(NOW);
    expect(b.windowStart).toBe(NOW - 28 * DAY);
  });

  it("a 40-minute partial outage overlapping a full one counts the shared minutes once, at full weight", async () => {
    const { slug, slo } = await serviceWithSlo();
    // Full outage 100→80 min ago (20 min); partial outage 90→50 min ago (40 min, 10 of them shared).
    const full = await incident(slug, "full_outage", { start: NOW - 100 * MIN, mitigated: NOW - 80 * MIN });
    const partial = await incident(slug, "partial_outage", { start: NOW - 90 * MIN, mitigated: NOW - 50 * MIN });
    const b = await budget(slo);
    // 20 × 1.0 + 30 × 0.5 = 35, not 20 + 40 × 0.5 = 40.
    expect(b.spentMinutes).toBeCloseTo(35, 9);
    expect(b.remainingMinutes).toBeCloseTo(5.32, 9);
    expect(b.status).toBe("at_risk");
    expect(b.byIncident).toEqual([
      { incidentId: full, minutes: 20, overridden: false },
      { incidentId: partial, minutes: 15, overridden: false },
    ]);
  });

  it("a partial outage inside a longer full outage adds nothing; overspending exhausts the budget", async () => {
    const { slug, slo } = await serviceWithSlo();
    const full = await incident(slug, "full_outage", { start: NOW - 120 * MIN, mitigated: NOW - 60 * MIN });
    await incident(slug, "partial_outage", { start: NOW - 100 * MIN, mitigated: NOW - 80 * MIN });
    const b = await budget(slo);
    expect(b.spentMinutes).toBeCloseTo(60, 9);
    expect(b.remainingMinutes).toBeCloseTo(-19.68, 9);
    expect(b.status).toBe("exhausted");
    expect(b.byIncident).toEqual([{ incidentId: full, minutes: 60, overridden: false }]);
  });

  it("counts only the minutes inside the window; older incidents spend nothing", async () => {
    // 99.9 % over 7 days = 10.08 minutes.
    const { slug, slo } = await serviceWithSlo(99.9, 7);
    const edge = await incident(slug, "full_outage", { start: NOW - 7 * DAY - 10 * MIN, mitigated: NOW - 7 * DAY + 5 * MIN });
    await incident(slug, "full_outage", { start: NOW - 8 * DAY, mitigated: NOW - 8 * DAY + 30 * MIN });
    const b = await budget(slo);
    expect(b.budgetMinutes).toBe(10.08);
    expect(b.spentMinutes).toBeCloseTo(5, 9);
    expect(b.byIncident).toEqual([{ incidentId: edge, minutes: 5, overridden: false }]);
  });

  it("impact ends at mitigation when there is one, else at resolution", async () => {
    const { slug, slo } = await serviceWithSlo();
    const mitigated = await incident(slug, "degraded", { start: NOW - 200 * MIN, mitigated: NOW - 190 * MIN, resolved: NOW - 170 * MIN });
    const resolvedOnly = await incident(slug, "degraded", { start: NOW - 100 * MIN, resolved: NOW - 60 * MIN });
    const b = await budget(slo);
    // 10 × 0.25 + 40 × 0.25
    expect(b.spentMinutes).toBeCloseTo(12.5, 9);
    expect(Object.fromEntries(b.byIncident.map((i) => [i.incidentId, i.minutes]))).toEqual({ [mitigated]: 2.5, [resolvedOnly]: 10 });
  });

  it("a drill spends nothing", async () => {
    const { slug, slo } = await serviceWithSlo();
    await incident(slug, "full_outage", { start: NOW - 30 * MIN, mitigated: NOW - 10 * MIN }, { drill: true });
    expect(await budget(slo)).toMatchObject({ spentMinutes: 0, remainingMinutes: 40.32, status: "healthy", byIncident: [] });
  });

  it("an open incident spends more as time passes", async () => {
    const { slug, slo } = await serviceWithSlo();
    await incident(slug, "full_outage", { start: NOW - 10 * MIN });
    expect((await budget(slo, NOW)).spentMinutes).toBeCloseTo(10, 9);
    expect((await budget(slo, NOW + 5 * MIN)).spentMinutes).toBeCloseTo(15, 9);
    expect((await budget(slo, NOW + 60 * MIN)).status).toBe("exhausted");
  });

  it("an override replaces the computed minutes, is on the timeline and audited with its reason; clearing it restores them", async () => {
    const { slug, slo } = await serviceWithSlo();
    const id = await incident(slug, "full_outage", { start: NOW - 60 * MIN, mitigated: NOW - 40 * MIN });
    await setSpendOverride({ actor: responder.actor, incidentId: id, sloId: slo.id, input: { minutes: 5, reason: "Only the EU region was affected" } });
    let b = await budget(slo);
    expect(b.spentMinutes).toBe(5);
    expect(b.remainingMinutes).toBeCloseTo(35.32, 9);
    expect(b.byIncident).toEqual([{ incidentId: id, minutes: 5, overridden: true }]);
    const audit = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "incident.slo_override"), eq(auditLog.entityId, String(id))));
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.after!)).toEqual({ sloId: slo.id, minutes: 5, reason: "Only the EU region was affected" });
    const entries = await t.db
      .select()
      .from(timelineEntries)
      .where(and(eq(timelineEntries.incidentId, id), eq(timelineEntries.kind, "service")));
    expect(entries.at(-1)!.body).toContain("Only the EU region was affected");

    await setSpendOverride({ actor: responder.actor, incidentId: id, sloId: slo.id, input: null });
    b = await budget(slo);
    expect(b.spentMinutes).toBeCloseTo(20, 9);
    expect(b.byIncident[0]!.overridden).toBe(false);
    const cleared = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "incident.slo_override_clear"), eq(auditLog.entityId, String(id))));
    expect(JSON.parse(cleared[0]!.before!)).toMatchObject({ minutes: 5, reason: "Only the EU region was affected" });
  });

  it("each SLO of a service gets its own figures from the same incidents", async () => {
    const { slug, slo } = await serviceWithSlo(99.9, 28);
    const strict = await createSlo({ actor: admin.actor, slug, input: { name: "Strict", objective: 99.99, windowDays: 7 } });
    await incident(slug, "partial_outage", { start: NOW - 20 * MIN, mitigated: NOW - 10 * MIN });
    const all = await budgetsFor(t.db, [slo, strict], NOW);
    expect(all.get(slo.id)!.spentMinutes).toBeCloseTo(5, 9);
    // 99.99 % over 7 days = 1.008 minutes: 5 minutes exhaust it.
    expect(all.get(strict.id)!).toMatchObject({ budgetMinutes: 1.008, status: "exhausted" });
  });

  it("the burn-down runs from the full budget at the window start to what is left now", async () => {
    const { slug, slo } = await serviceWithSlo();
    await incident(slug, "full_outage", { start: NOW - 2 * DAY, mitigated: NOW - 2 * DAY + 30 * MIN });
    const series = await burnDownFor(t.db, slo, NOW);
    expect(series).toHaveLength(29);
    expect(series[0]).toEqual({ at: NOW - 28 * DAY, remainingMinutes: 40.32 });
    expect(series.at(-1)!.at).toBe(NOW);
    expect(series.at(-1)!.remainingMinutes).toBeCloseTo(10.32, 9);
    // Points a day apart: still full until 2 days ago, spent after.
    expect(series[25]!.remainingMinutes).toBe(40.32);
    expect(series[27]!.remainingMinutes).toBeCloseTo(10.32, 9);
  });

  it("names only the incidents the reader may see", async () => {
    const { slug } = await serviceWithSlo();
    const open = await incident(slug, "degraded", { start: NOW - 5 * MIN });
    const hidden = await incident(slug, "degraded", { start: NOW - 5 * MIN }, { private: true });
    expect([...(await visibleIncidentTitles(t.db, viewer.actor, [open, hidden])).keys()]).toEqual([open]);
    expect([...(await visibleIncidentTitles(t.db, admin.actor, [open, hidden])).keys()].sort()).toEqual([open, hidden].sort());
    expect((await visibleIncidentTitles(t.db, admin.actor, [])).size).toBe(0);
  });
});
