import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { resolveInsightsQuery } from "./params";

const now = Date.UTC(2026, 10, 25, 22, 30); // 25 Nov 22:30 UTC = 26 Nov 07:30 in Tokyo
const fieldsOf = (query: unknown) => {
  try {
    resolveInsightsQuery(query, { now, timeZone: "UTC" });
  } catch (error) {
    if (error instanceof AppError) return error.fields;
    throw error;
  }
  throw new Error("expected a validation error");
};

describe("resolveInsightsQuery", () => {
  it("defaults to the last 90 days, ending today in the organisation's zone, against the 90 before", () => {
    const r = resolveInsightsQuery({}, { now, timeZone: "UTC" });
    expect(r.period).toMatchObject({
      from: "2026-08-28",
      to: "2026-11-25",
      days: 90,
      startsAt: "2026-08-28T00:00:00.000Z",
      endsAt: "2026-11-26T00:00:00.000Z",
    });
    expect(r.previousPeriod).toMatchObject({ from: "2026-05-30", to: "2026-08-27", days: 90 });
    expect(resolveInsightsQuery({}, { now, timeZone: "Asia/Tokyo" }).period).toMatchObject({ to: "2026-11-26", startsAt: "2026-08-28T15:00:00.000Z" });
  });

  it("takes presets and custom ranges, with severities and filters", () => {
    expect(resolveInsightsQuery({ range: "30" }, { now, timeZone: "UTC" }).period.from).toBe("2026-10-27");
    const r = resolveInsightsQuery(
      { from: "2026-03-01", to: "2026-04-30", severity: "sev1, SEV2,SEV1", service: "API", team: "3" },
      { now, timeZone: "Europe/Berlin" },
    );
    expect(r.filters).toEqual({ from: "2026-03-01", to: "2026-04-30", severity: ["SEV1", "SEV2"], service: "api", team: 3 });
    expect(r.period).toMatchObject({ days: 61, startsAt: "2026-02-28T23:00:00.000Z", endsAt: "2026-04-30T22:00:00.000Z" });
    expect(r.previousPeriod).toMatchObject({ from: "2025-12-30", to: "2026-02-28", days: 61 });
  });

  it("names the field of every bad input", () => {
    expect(fieldsOf({ range: "45" })).toHaveProperty("range");
    expect(fieldsOf({ from: "2026-02-30", to: "2026-03-01" })).toHaveProperty("from");
    expect(fieldsOf({ from: "2026-03-01" })).toEqual({ to: "Required with from" });
    expect(fieldsOf({ to: "2026-03-01" })).toEqual({ from: "Required with to" });
    expect(fieldsOf({ from: "2026-03-02", to: "2026-03-01" })).toEqual({ to: "Must be on or after from" });
    expect(fieldsOf({ from: "2020-01-01", to: "2026-03-01" })).toHaveProperty("to");
    expect(fieldsOf({ severity: "SEV5" })).toHaveProperty("severity");
    expect(fieldsOf({ team: "abc" })).toHaveProperty("team");
    expect(fieldsOf({ team: "-1" })).toHaveProperty("team");
  });

  it("takes days only from 2000-01-01 to 2099-12-31, naming the field", () => {
    expect(fieldsOf({ from: "0500-01-02", to: "0503-01-01" })).toEqual({ from: "Must be in 2000–2099", to: "Must be in 2000–2099" });
    expect(fieldsOf({ from: "9999-12-31", to: "9999-12-31" })).toEqual({ from: "Must be in 2000–2099", to: "Must be in 2000–2099" });
    expect(fieldsOf({ from: "2026-01-01", to: "2100-01-01" })).toEqual({ to: "Must be in 2000–2099" });
    expect(fieldsOf({ from: "1999-12-31", to: "2000-01-31" })).toEqual({ from: "Must be in 2000–2099" });
    const widest = resolveInsightsQuery({ from: "2097-01-01", to: "2099-12-31" }, { now, timeZone: "Pacific/Kiritimati" });
    expect(widest.period.days).toBe(1095);
    expect(resolveInsightsQuery({ from: "2000-01-01", to: "2000-01-01" }, { now, timeZone: "UTC" }).previousPeriod).toMatchObject({
      from: "1999-12-31",
      to: "1999-12-31",
    });
  });
});
