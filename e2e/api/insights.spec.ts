import { expect, test } from "@playwright/test";
import { bearer, declareViaApi } from "../support/fixtures";

// Three SEV3 incidents backdated into a January no other test touches, with hand-worked
// figures: resolve 60 / 120 / 240 min, mitigate 30 / 60 min and one missing. The year is
// drawn per worker, so a retry (a new worker) starts from an empty month again.
const MIN = 60_000;
const year = 2001 + Math.floor(Math.random() * 20);
const range = `from=${year}-01-01&to=${year}-01-31`;
const plan = [
  { startedAt: `${year}-01-09T11:00:00.000Z`, mitigated: 30, resolved: 60 },
  { startedAt: `${year}-01-12T11:00:00.000Z`, mitigated: 60, resolved: 120 },
  { startedAt: `${year}-01-15T11:00:00.000Z`, mitigated: null, resolved: 240 },
];

test.describe("GET /api/v1/insights", () => {
  test.beforeAll(async ({ request }) => {
    for (const [n, p] of plan.entries()) {
      const incident = await declareViaApi(request, {
        title: `Insights fixture ${n + 1}: queue backlog`,
        severity: "SEV3",
        startedAt: p.startedAt,
        detectedAt: new Date(Date.parse(p.startedAt) + 5 * MIN).toISOString(),
      });
      const at = (minutes: number | null) => (minutes === null ? undefined : new Date(Date.parse(p.startedAt) + minutes * MIN).toISOString());
      const res = await request.patch(`/api/v1/incidents/${incident.reference}`, {
        headers: bearer("responder"),
        data: { version: incident.version, mitigatedAt: at(p.mitigated), resolvedAt: at(p.resolved) },
      });
      expect(res.status(), await res.text()).toBe(200);
    }
  });

  test("returns the figures worked out by hand", async ({ request }) => {
    const res = await request.get(`/api/v1/insights?${range}&severity=SEV3`, { headers: bearer("viewer") });
    expect(res.status()).toBe(200);
    const body = await res.json();
    expect(body.filters).toEqual({ from: `${year}-01-01`, to: `${year}-01-31`, severity: ["SEV3"], service: null, team: null });
    expect(body.period).toMatchObject({ from: `${year}-01-01`, to: `${year}-01-31`, days: 31 });
    expect(body.previousPeriod).toMatchObject({ from: `${year - 1}-12-01`, to: `${year - 1}-12-31` });
    expect(body.scope.current).toEqual({ incidents: 3, drillsExcluded: 0 });
    expect(body.headline.incidents.current.bySeverity).toEqual({ SEV1: 0, SEV2: 0, SEV3: 3, SEV4: 0 });
    // Resolve: 60, 120, 240 min → median 120 min, p90 at rank 1.8 = 120 + 0.8 × 120 = 216 min; every start was backdated.
    expect(body.headline.durations.resolve.current).toEqual({
      incidents: 3,
      missing: 0,
      reconstructed: 3,
      min: 3600,
      p25: 5400,
      median: 7200,
      p75: 10800,
      p90: 12960,
      max: 14400,
    });
    // Mitigate: 30 and 60 min, one incident without a mitigation time.
    expect(body.headline.durations.mitigate.current).toMatchObject({ incidents: 2, missing: 1, median: 2700, p90: 3420 });
    // Detected 5 minutes after the start, as declared.
    expect(body.headline.durations.detect.current).toMatchObject({ incidents: 3, median: 300, p90: 300 });
    expect(body.durationDistribution.metrics.resolve.SEV3.stats.median).toBe(7200);
    expect(body.incidentsOverTime.bucket).toBe("week");
    expect(body.incidentsOverTime.rows.reduce((sum: number, r: { total: number }) => sum + r.total, 0)).toBe(3);
    // SEV3 does not require a postmortem by default; none is overdue.
    expect(body.postmortems).toMatchObject({ required: 0, overdue: 0 });
    // Declared by an API token: nobody holds a role, and all were declared at the same moment.
    expect(body.responders.people).toEqual([]);
    expect(body.responders.outOfHours.denominator).toBe(3);
  });

  test("answers a clear 400 naming the field for bad input, and 401 without credentials", async ({ request }) => {
    const bad = async (query: string) => {
      const res = await request.get(`/api/v1/insights?${query}`, { headers: bearer("viewer") });
      expect(res.status(), query).toBe(400);
      return (await res.json()).error;
    };
    expect((await bad("from=2025-02-30&to=2025-03-01")).fields).toHaveProperty("from");
    expect((await bad("from=2025-03-01")).fields).toEqual({ to: "Required with from" });
    expect((await bad("severity=SEV9")).fields).toHaveProperty("severity");
    expect((await bad("range=7")).fields).toHaveProperty("range");
    expect((await bad("service=no-such-service")).fields).toEqual({ service: "No such service" });
    expect((await bad("team=999999")).fields).toEqual({ team: "No such team" });
    expect((await request.get("/api/v1/insights")).status()).toBe(401);
  });

  test("exports the incidents behind the figures as CSV", async ({ request }) => {
    const res = await request.get(`/api/v1/insights/incidents.csv?${range}&severity=SEV3`, { headers: bearer("viewer") });
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toContain("text/csv");
    expect(res.headers()["content-disposition"]).toContain(`attachment; filename="hindsight-incidents-${year}-01-01-to-${year}-01-31.csv"`);
    const lines = (await res.text()).split("\r\n").filter(Boolean);
    expect(lines[0]).toMatch(/^reference,title,severity,status,services,contributing_factors,commander,started_at,/);
    expect(lines).toHaveLength(4);
    const columns = lines[0]!.split(",");
    const resolve = columns.indexOf("time_to_resolve_s");
    expect(lines.slice(1).map((l) => l.split(",")[resolve])).toEqual(["3600", "7200", "14400"]);
    expect((await request.get(`/api/v1/insights/incidents.csv?from=${year}-03-01`, { headers: bearer("viewer") })).status()).toBe(400);
  });
});
