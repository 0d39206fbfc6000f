import { describe, expect, it } from "vitest";
import { durationStats } from "@/lib/insights/percentile";
import { setUpInsightsFixture } from "../../testing/insights-setup";
import { getInsights } from "./index";

// The duration trend on the hand-computed fixture (db/testing/insights-fixture.ts, Europe/Berlin).
// Minutes after the start — A: mitigated 60, resolved 120 · B: 30, 90 (backdated start) · C: 10, 40 ·
// D: not mitigated, 200 · E: neither · F: a drill · G: private, 4, 5.

const ctx = setUpInsightsFixture();
const now = Date.parse("2026-07-15T10:00:00Z");
const MIN = 60;

const trend = async (query: Record<string, string>, actor = ctx.viewer.actor) => (await getInsights({ actor, query, now, fresh: true })).durationTrend;
const stats = (incidents: number, missing: number, reconstructed: number, median: number | null, p90: number | null) => ({
  incidents,
  missing,
  reconstructed,
  median,
  p90,
});
const none = stats(0, 0, 0, null, null);

describe("duration trend", () => {
  it("gives median and p90 per month beyond 90 days, interpolated as the headline figures are", async () => {
    const r = await trend({ from: "2026-03-01", to: "2026-06-30" });
    expect(r.bucket).toBe("month");
    expect(r.points.map((p) => [p.start, p.label])).toEqual([
      ["2026-03-01", "Mar 2026"],
      ["2026-04-01", "Apr 2026"],
      ["2026-05-01", "May 2026"],
      ["2026-06-01", "Jun 2026"],
    ]);
    const [march, april, may] = r.points;
    // March mitigate: 10, 30, 60 min (D missing) → median 30; p90 at rank 1.8 = 30 + 0.8 × 30 = 54 min. B is reconstructed.
    expect(march!.mitigate).toEqual(stats(3, 1, 1, 30 * MIN, 54 * MIN));
    // March resolve: 40, 90, 120, 200 min → median (90 + 120) / 2 = 105; p90 at rank 2.7 = 120 + 0.7 × 80 = 176 min.
    expect(march!.resolve).toEqual(stats(4, 0, 1, 105 * MIN, 176 * MIN));
    // April: E has neither timestamp; F is a drill; G is private (the viewer cannot see it).
    expect(april!.mitigate).toEqual(stats(0, 1, 0, null, null));
    expect(april!.resolve).toEqual(stats(0, 1, 0, null, null));
    expect(may!.mitigate).toEqual(none);
  });

  it("agrees with the definition in lib/insights/percentile.ts", async () => {
    const march = (await trend({ from: "2026-03-01", to: "2026-06-30" })).points[0]!;
    const def = durationStats([120, 90, 40, 200].map((m, i) => ({ seconds: m * MIN, reconstructed: i === 1 })));
    expect(march.resolve).toEqual({ incidents: def.incidents, missing: def.missing, reconstructed: def.reconstructed, median: def.median, p90: def.p90 });
  });

  it("counts a private incident only for those who may see it", async () => {
    const april = (await trend({ from: "2026-03-01", to: "2026-06-30" }, ctx.admin.actor)).points[1]!;
    expect(april.mitigate).toEqual(stats(1, 1, 0, 4 * MIN, 4 * MIN));
    expect(april.resolve).toEqual(stats(1, 1, 0, 5 * MIN, 5 * MIN));
  });

  it("uses ISO weeks (Monday) in the organisation's zone up to 90 days", async () => {
    const r = await trend({ from: "2026-03-01", to: "2026-04-30" });
    expect(r.bucket).toBe("week");
    expect(r.points[0]!.start).toBe("2026-02-23");
    expect(r.points.at(-1)!.start).toBe("2026-04-27");
    const week = (start: string) => r.points.find((p) => p.start === start)!;
    expect(week("2026-03-02").resolve).toEqual(stats(1, 0, 0, 120 * MIN, 120 * MIN)); // A
    expect(week("2026-03-09").mitigate).toEqual(stats(1, 0, 1, 30 * MIN, 30 * MIN)); // B, backdated
    expect(week("2026-03-23").resolve).toEqual(stats(1, 0, 0, 40 * MIN, 40 * MIN)); // C, Saturday
    expect(week("2026-03-30").mitigate).toEqual(stats(0, 1, 0, null, null)); // D, never mitigated
    expect(week("2026-03-30").resolve).toEqual(stats(1, 0, 0, 200 * MIN, 200 * MIN));
    // E started Sunday 19 April 22:30 UTC, already Monday in Berlin: the week of 20 April.
    expect(week("2026-04-13").resolve).toEqual(none);
    expect(week("2026-04-20").resolve).toEqual(stats(0, 1, 0, null, null));
    // The drill F (week of 30 March) is left out: D alone there.
    expect(week("2026-03-30").resolve.incidents).toBe(1);
  });

  it("honours the filters and covers only the period", async () => {
    const r = await trend({ from: "2026-03-01", to: "2026-04-30", severity: "SEV2" });
    expect(r.points.filter((p) => p.resolve.incidents > 0).map((p) => p.start)).toEqual(["2026-03-09", "2026-03-30"]);
    const all = (await trend({ from: "2026-03-01", to: "2026-03-31" })).points;
    expect(all.reduce((sum, p) => sum + p.resolve.incidents, 0)).toBe(4);
  });
});
