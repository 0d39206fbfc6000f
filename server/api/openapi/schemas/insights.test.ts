import { describe, expect, it } from "vitest";
import { setUpInsightsFixture } from "@/db/testing/insights-setup";
import { getInsights } from "@/db/queries/insights";
import { insightsReportSchema } from "./insights";

// The hand-computed insights fixture fills every part of the report (repeats, factors, services
// with SLOs, responders), so each documented field is checked against a real value.
const ctx = setUpInsightsFixture();
const now = Date.parse("2026-05-15T10:00:00Z");

describe("the documented insights report", () => {
  it("matches what GET /api/v1/insights writes", async () => {
    const report = JSON.parse(JSON.stringify(await getInsights({ actor: ctx.admin.actor, query: { from: "2026-03-01", to: "2026-04-30" }, now }))) as Record<
      string,
      unknown
    >;
    const result = insightsReportSchema.safeParse(report);
    expect(result.success ? [] : result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`)).toEqual([]);
    expect((report.factors as { repeats: { total: number } }).repeats.total).toBeGreaterThan(0);
    expect(insightsReportSchema.safeParse({ ...report, extra: true }).success).toBe(false);
  });
});
