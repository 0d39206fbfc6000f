import { describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import { durationStats } from "@/lib/insights/percentile";
import type { InsightsReport } from "@/lib/insights/types";
import { thrown } from "../../testing/test-db";
import { setUpInsightsFixture } from "../../testing/insights-setup";
import { incidents, teams } from "../../schema";
import { getInsights, loadInsights } from "./index";
import { insightsIncidentsCsv, INSIGHTS_CSV_COLUMNS } from "./csv";
import { scanScope } from "./fact-scope";

// scanScope as it is, wrapped so a test can write right after a computation has read its scope.
vi.mock("./fact-scope", async (importOriginal) => {
  const original = await importOriginal<typeof import("./fact-scope")>();
  return { ...original, scanScope: vi.fn(original.scanScope) };
});

const ctx = setUpInsightsFixture();
const now = Date.parse("2026-05-15T10:00:00Z");
const range = { from: "2026-03-01", to: "2026-04-30" };
const MIN = 60;

const report = (query: Record<string, string> = {}, actor = ctx.viewer.actor) => getInsights({ actor, query: { ...range, ...query }, now });

describe("insights on the hand-computed fixture (Europe/Berlin)", () => {
  it("scopes to incidents started in the period, drills counted apart, and compares with the period before", async () => {
    const r = await report();
    expect(r.period).toMatchObject({
      from: "2026-03-01",
      to: "2026-04-30",
      days: 61,
      startsAt: "2026-02-28T23:00:00.000Z",
      endsAt: "2026-04-30T22:00:00.000Z",
    });
    expect(r.previousPeriod).toMatchObject({ from: "2025-12-30", to: "2026-02-28" });
    expect(r.scope).toEqual({ current: { incidents: 5, drillsExcluded: 1 }, previous: { incidents: 2, drillsExcluded: 0 } });
    expect(r.headline.incidents.current).toEqual({ total: 5, bySeverity: { SEV1: 1, SEV2: 2, SEV3: 1, SEV4: 1 } });
    expect(r.headline.incidents.previous).toEqual({ total: 2, bySeverity: { SEV1: 0, SEV2: 1, SEV3: 1, SEV4: 0 } });
  });

  it("computes median and p90 with odd and even counts, leaving out and counting missing timestamps", async () => {
    const d = (await report()).headline.durations;
    // detect: A 10, B 20 (backdated start, typed-in detection), D 10, E 0 min; C has no detection time.
    expect(d.detect.current).toEqual({ incidents: 4, missing: 1, reconstructed: 1, min: 0, p25: 450, median: 600, p75: 750, p90: 1020, max: 1200 });
    // acknowledge (from declaration): A 5, B 2, C 0, D 1 min; E never acknowledged.
    expect(d.acknowledge.current).toMatchObject({ incidents: 4, missing: 1, reconstructed: 0, median: 90, p90: 246 });
    // mitigate: A 60, B 30, C 10 min (odd count); D and E not mitigated.
    expect(d.mitigate.current).toMatchObject({ incidents: 3, missing: 2, reconstructed: 1, median: 30 * MIN, p90: 54 * MIN });
    // resolve: A 120, B 90, C 40, D 200 min (even count); E still open.
    expect(d.resolve.current).toMatchObject({ incidents: 4, missing: 1, reconstructed: 1, median: 105 * MIN, p90: 176 * MIN });
    // previous period: P1 100/300, P2 50/60 min.
    expect(d.mitigate.previous).toMatchObject({ incidents: 2, missing: 0, median: 75 * MIN });
    expect(d.resolve.previous).toMatchObject({ incidents: 2, median: 180 * MIN, p90: 276 * MIN });
  });

  it("gives the SQL the same figures as the definition in lib/insights/percentile.ts", async () => {
    const resolve = (await report()).headline.durations.resolve.current;
    const byDefinition = durationStats([120, 90, 40, 200, null].map((m, i) => ({ seconds: m === null ? null : m * MIN, reconstructed: i === 1 })));
    expect(resolve).toEqual(byDefinition);
  });

  it("splits time to mitigate and resolve by severity with a histogram", async () => {
    const dist = (await report()).durationDistribution;
    expect(dist.metrics.resolve.SEV2.stats).toMatchObject({ incidents: 2, median: 145 * MIN, missing: 0 });
    expect(dist.metrics.mitigate.SEV2.stats).toMatchObject({ incidents: 1, missing: 1 });
    const bin = (key: string) => dist.bins.findIndex((b) => b.key === key);
    expect(dist.metrics.resolve.SEV2.counts[bin("1h-2h")]).toBe(1); // B 90 min
    expect(dist.metrics.resolve.SEV2.counts[bin("2h-4h")]).toBe(1); // D 200 min
    expect(dist.metrics.resolve.SEV1.counts[bin("1h-2h")]).toBe(0); // A is exactly 2 h: the next bin
    expect(dist.metrics.resolve.SEV1.counts[bin("2h-4h")]).toBe(1);
    expect(dist.metrics.resolve.SEV4.counts.reduce((a, b) => a + b, 0)).toBe(0);
  });

  it("buckets by week in the organisation's zone", async () => {
    const rows = (await report()).incidentsOverTime;
    expect(rows.bucket).toBe("week");
    expect(rows.rows[0]!.start).toBe("2026-02-23");
    const week = (start: string) => rows.rows.find((r) => r.start === start)!;
    expect(week("2026-03-02")).toMatchObject({ SEV1: 1, total: 1 });
    // E began Sunday 22:30 UTC, already Monday 20 April in Berlin.
    expect(week("2026-04-20")).toMatchObject({ SEV4: 1, total: 1 });
    expect(week("2026-04-13").total).toBe(0);
    expect(rows.rows.reduce((sum, r) => sum + r.total, 0)).toBe(5);
  });

  it("counts out-of-hours declarations on the organisation's clock across the daylight-saving change", async () => {
    const r = (await report()).responders;
    // B 07:20 CET, C on a Saturday, D 18:30 CEST (16:30 UTC), E 00:30 CEST; A at 11:15 CET is in hours.
    expect(r.outOfHours).toEqual({ numerator: 4, denominator: 5, rate: 0.8 });
    expect(r.people).toEqual([
      { userId: expect.any(Number), name: "Bo Diddley", incidents: 3, outOfHours: 3, outOfHoursRate: 1 },
      { userId: expect.any(Number), name: "Ada Lovelace", incidents: 3, outOfHours: 2, outOfHoursRate: 2 / 3 },
    ]);
  });

  it("ranks services by incidents with impact minutes and their SLO budget status", async () => {
    const s = (await report()).services;
    expect(s.coverage).toEqual({ incidents: 4, missing: 1, reconstructed: 1 });
    expect(s.rows).toEqual([
      { slug: "web", name: "Web app", team: "Platform", incidents: 2, impactMinutes: 210, budgetStatus: null, slos: [] },
      {
        slug: "api",
        name: "Public API",
        team: "Payments",
        incidents: 2,
        impactMinutes: 90,
        budgetStatus: "healthy",
        slos: [{ name: "Availability", objective: 99.9, remainingPercent: 100, status: "healthy" }],
      },
    ]);
  });

  it("ranks contributing factors against the previous period and finds the repeat incident", async () => {
    const f = (await report()).factors;
    expect(f.coverage).toEqual({ incidents: 3, missing: 2, reconstructed: 0 });
    expect(f.ranked.map(({ name, incidents, previousIncidents }) => ({ name, incidents, previousIncidents }))).toEqual([
      { name: "Change / deploy", incidents: 2, previousIncidents: 1 },
      { name: "Configuration", incidents: 1, previousIncidents: 1 },
    ]);
    expect(f.ranked[0]!.trend.find((b) => b.start === "2026-03-09")!.incidents).toBe(1);
    // B shares Public API and "Change / deploy" with A, 8 days earlier. A shares only the service with P1 (another factor).
    expect(f.repeats.total).toBe(1);
    expect(f.repeats.items[0]).toMatchObject({ title: "Incident B", service: { slug: "api" }, factor: "Change / deploy", previous: { title: "Incident A" } });
  });

  it("follows postmortems through: required, on time, late, overdue, time to publish", async () => {
    const r = await report();
    expect(r.postmortems).toMatchObject({ required: 3, published: 2, publishedOnTime: 1, publishedLate: 1, overdue: 1, voluntary: 0 });
    expect(r.postmortems.timeToPublish).toMatchObject({ incidents: 2, median: (172_800 + 696_600) / 2 });
    expect(r.headline.postmortemsOnTime.current).toEqual({ numerator: 1, denominator: 3, rate: 1 / 3 });
    expect(r.headline.postmortemsOnTime.previous).toEqual({ numerator: 1, denominator: 1, rate: 1 });
  });

  it("follows action items through: on time of those due, overdue now, backlog, by team", async () => {
    const a = (await report()).actionItems;
    // Due in the period: A's (done on time), B's two (one done late, one open and overdue); C's won't do is left out.
    expect(a.onTime).toEqual({ numerator: 1, denominator: 3, rate: 1 / 3 });
    expect(a.overdueNow).toBe(1);
    expect(a.byBucket.reduce((s, b) => s + b.opened, 0)).toBe(5);
    expect(a.byBucket.reduce((s, b) => s + b.closed, 0)).toBe(3);
    expect(a.byBucket.at(-1)!.backlog).toBe(2);
    expect(a.overdueByTeam).toEqual([
      { team: "Payments", overdue: 1, open: 1 },
      { team: "Platform", overdue: 0, open: 1 },
    ]);
    expect((await report()).headline.actionItemsOnTime.previous).toEqual({ numerator: 1, denominator: 1, rate: 1 });
  });
});

describe("insights filters and access", () => {
  it("filters by severity, service and team", async () => {
    expect((await report({ severity: "SEV2" })).headline.incidents.current.total).toBe(2);
    expect((await report({ service: "web" })).headline.incidents.current.bySeverity).toEqual({ SEV1: 0, SEV2: 1, SEV3: 1, SEV4: 0 });
    const payments = (await ctx.t.db.select().from(teams).where(eq(teams.name, "Payments")))[0]!;
    // Payments owns the Public API: A and B.
    expect((await report({ team: String(payments.id) })).headline.incidents.current.bySeverity).toEqual({ SEV1: 1, SEV2: 1, SEV3: 0, SEV4: 0 });
  });

  it("counts a private incident only for those who may see it", async () => {
    expect((await report({}, ctx.admin.actor)).headline.incidents.current.bySeverity.SEV1).toBe(2);
    expect((await report()).headline.incidents.current.bySeverity.SEV1).toBe(1);
  });

  it("rejects an unknown service or team naming the field", async () => {
    expect(((await thrown(() => report({ service: "nope" }))) as AppError).fields).toEqual({ service: "No such service" });
    expect(((await thrown(() => report({ team: "9999" }))) as AppError).fields).toEqual({ team: "No such team" });
  });
});

describe("incidents CSV behind the dashboard", () => {
  const csv = async (query: Record<string, string> = {}, actor = ctx.viewer.actor) => {
    const lines: string[] = [];
    for await (const line of (await insightsIncidentsCsv({ actor, query: { ...range, ...query }, now })).lines) lines.push(line);
    return lines.join("").split("\r\n").filter(Boolean);
  };

  it("has one row per in-scope incident, oldest first, with timestamps, durations, services, factors and postmortem status", async () => {
    const [header, ...rows] = await csv();
    expect(header!.split(",")).toEqual([...INSIGHTS_CSV_COLUMNS]);
    expect(rows.map((r) => r.split(",")[1])).toEqual(["Incident A", "Incident B", "Incident C", "Incident D", "Incident E"]);
    const a = Object.fromEntries(INSIGHTS_CSV_COLUMNS.map((c, n) => [c, rows[0]!.split(",")[n]]));
    expect(a).toMatchObject({
      severity: "SEV1",
      services: "Public API",
      contributing_factors: "Change / deploy",
      commander: "Ada Lovelace",
      started_at: "2026-03-02T10:00:00.000Z",
      declared_at: "2026-03-02T10:15:00.000Z",
      reconstructed_timestamps: "",
      time_to_detect_s: "600",
      time_to_acknowledge_s: "300",
      time_to_mitigate_s: "3600",
      time_to_resolve_s: "7200",
      declared_out_of_hours: "no",
      postmortem_status: "published",
      postmortem_published_at: "2026-03-04T12:00:00.000Z",
    });
    const b = Object.fromEntries(INSIGHTS_CSV_COLUMNS.map((c, n) => [c, rows[1]!.split(",")[n]]));
    expect(b).toMatchObject({ reconstructed_timestamps: "started; detected", declared_out_of_hours: "yes" });
    const e = Object.fromEntries(INSIGHTS_CSV_COLUMNS.map((c, n) => [c, rows[4]!.split(",")[n]]));
    expect(e).toMatchObject({ time_to_resolve_s: "", postmortem_status: "none", services: "" });
  });

  it("applies the dashboard's filters and access", async () => {
    expect(await csv({ service: "web" })).toHaveLength(3);
    expect(await csv({}, ctx.admin.actor)).toHaveLength(7);
  });
});

describe("insights cache", () => {
  it("serves the same report while nothing changes, and recomputes after any write", async () => {
    const first = await report();
    expect(await report()).toBe(first);
    expect(await getInsights({ actor: ctx.viewer.actor, query: range, now, fresh: true })).not.toBe(first);
    const extra = (
      await ctx.t.db
        .insert(incidents)
        .values({
          title: "Late addition",
          severity: "SEV4",
          status: "investigating",
          startedAt: Date.parse("2026-04-02T10:00:00Z"),
          startedAtSource: "status_change",
          declaredAt: Date.parse("2026-04-02T10:00:00Z"),
          updatedAt: now,
        })
        .returning()
    )[0]!;
    expect((await report()).scope.current.incidents).toBe(first.scope.current.incidents + 1);
    await ctx.t.db.delete(incidents).where(eq(incidents.id, extra.id));
    expect((await report()).scope.current.incidents).toBe(first.scope.current.incidents);
  });

  it("does not serve a report computed for another caller or an older clock", async () => {
    const forViewer = await report();
    expect(await report({}, ctx.admin.actor)).not.toBe(forViewer);
    expect(await getInsights({ actor: ctx.viewer.actor, query: range, now: now + 61_000 })).not.toBe(forViewer);
  });
});

describe("insights for requests (loadInsights)", () => {
  it("computes in turns: other callbacks run between its steps, and the report equals the one computed at once", async () => {
    const atOnce = await getInsights({ actor: ctx.admin.actor, query: range, now, fresh: true });
    let ticks = 0;
    let running = true;
    const tick = () => {
      if (!running) return;
      ticks++;
      setImmediate(tick);
    };
    setImmediate(tick);
    const inTurns = await loadInsights({ actor: ctx.admin.actor, query: { ...range, severity: "SEV1,SEV2,SEV3,SEV4" }, now });
    running = false;
    expect(ticks).toBeGreaterThanOrEqual(8);
    expect({ ...inTurns, filters: null }).toEqual({ ...atOnce, filters: null });
  });

  it("runs concurrent cold reports one after another without mixing their temp tables", async () => {
    const queries = [{ severity: "SEV1" }, { severity: "SEV2" }, { service: "web" }].map((q) => ({ ...range, ...q }));
    const expected: InsightsReport[] = [];
    for (const query of queries) expected.push(await getInsights({ actor: ctx.viewer.actor, query, now: now + 1, fresh: true }));
    const got = await Promise.all(queries.map((query) => loadInsights({ actor: ctx.viewer.actor, query, now: now + 1 })));
    expect(got).toEqual(expected);
  });

  it("refuses a fifth cold report while four are in progress or waiting (429), and serves cached ones meanwhile", async () => {
    const cachedFirst = await loadInsights({ actor: ctx.viewer.actor, query: range, now: now + 2 });
    // The first cold report holds at its scan until the fifth has been answered: on a busy
    // machine it could otherwise finish before the fifth's cache lookup returns, leaving a place.
    const scan = vi.mocked(scanScope);
    const realScan = scan.getMockImplementation()!;
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    scan.mockImplementation(async (c) => {
      await held;
      return realScan(c);
    });
    try {
      const cold = ["SEV1", "SEV2", "SEV3", "SEV4"].map((severity) => loadInsights({ actor: ctx.admin.actor, query: { ...range, severity }, now: now + 2 }));
      // Were the fifth admitted, it would wait behind the held one: let go after a while so the test fails instead of hanging.
      const letGo = setTimeout(release, 10_000);
      const refused = await loadInsights({ actor: ctx.admin.actor, query: { ...range, service: "web" }, now: now + 2 }).catch((e: unknown) => e);
      clearTimeout(letGo);
      expect(refused).toBeInstanceOf(AppError);
      expect((refused as AppError).status).toBe(429);
      expect(await loadInsights({ actor: ctx.viewer.actor, query: range, now: now + 2 })).toBe(cachedFirst);
      release();
      expect((await Promise.all(cold)).map((r) => r.filters.severity)).toEqual([["SEV1"], ["SEV2"], ["SEV3"], ["SEV4"]]);
    } finally {
      release();
      scan.mockImplementation(realScan);
    }
  }, 30_000);

  it("does not keep serving a report computed while a write happened", async () => {
    // The write lands once the computation has read its scope, before the rest of the report: at
    // that point on either engine (PostgreSQL's round trips finish whenever they do, so counting
    // turns of the event loop would not place it).
    const scan = vi.mocked(scanScope);
    const realScan = scan.getMockImplementation()!;
    let extraId: number | null = null;
    scan.mockImplementationOnce(async (c) => {
      const scope = await realScan(c);
      extraId = (
        await ctx.t.db
          .insert(incidents)
          .values({
            title: "Written meanwhile",
            severity: "SEV4",
            status: "investigating",
            startedAt: Date.parse("2026-04-03T10:00:00Z"),
            startedAtSource: "status_change",
            declaredAt: Date.parse("2026-04-03T10:00:00Z"),
            updatedAt: now,
          })
          .returning()
      )[0]!.id;
      return scope;
    });
    // Past the cache's minute: a cold computation, stored under the version read before the write.
    const at = now + 120_000;
    try {
      const during = await loadInsights({ actor: ctx.viewer.actor, query: range, now: at });
      expect(extraId).not.toBeNull();
      const after = await loadInsights({ actor: ctx.viewer.actor, query: range, now: at });
      expect(during.scope.current.incidents).toBe(5);
      expect(after).not.toBe(during);
      expect(after.scope.current.incidents).toBe(6);
    } finally {
      scan.mockReset();
      scan.mockImplementation(realScan);
      if (extraId !== null) await ctx.t.db.delete(incidents).where(eq(incidents.id, extraId));
    }
  });
});

describe("insights far from today", () => {
  it("gives a period the same wall-clock figures when read 20 years later (offsets outside the walk come from tz_offset_ms)", async () => {
    const later = now + 20 * 365 * 86_400_000;
    const atTheTime = await getInsights({ actor: ctx.viewer.actor, query: range, now, fresh: true });
    const years = await getInsights({ actor: ctx.viewer.actor, query: range, now: later, fresh: true });
    expect(years.responders).toEqual(atTheTime.responders);
    expect(years.incidentsOverTime).toEqual(atTheTime.incidentsOverTime);
    expect(years.postmortems.publishedOnTime).toBe(atTheTime.postmortems.publishedOnTime);
    expect(years.postmortems.publishedLate).toBe(atTheTime.postmortems.publishedLate);
  });

  it("refuses days before 2000 or after 2099 at once, naming the field", async () => {
    const started = performance.now();
    expect((await thrown(() => report({ from: "0500-01-02", to: "0503-01-01" }))).fields).toEqual({
      from: "Must be in 2000–2099",
      to: "Must be in 2000–2099",
    });
    expect((await thrown(() => report({ from: "9999-12-31", to: "9999-12-31" }))).fields).toHaveProperty("from");
    expect(performance.now() - started).toBeLessThan(500);
  });

  it("computes the earliest allowed period quickly", async () => {
    const started = performance.now();
    expect((await report({ from: "2000-01-01", to: "2002-12-31" })).scope.current.incidents).toBe(0);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
