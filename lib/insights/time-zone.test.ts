import { describe, expect, it } from "vitest";
import { isOutOfHours, MAX_WALK_DAYS, offsetAt, offsetSegments, offsetWalk, wallClock } from "./time-zone";

const HOUR = 3_600_000;

describe("out of hours in the organisation's time zone", () => {
  // Europe/Berlin moves from UTC+1 to UTC+2 at 01:00 UTC on Sunday 29 March 2026.
  const zone = "Europe/Berlin";

  it("judges the same UTC time differently before and after daylight saving starts", () => {
    // Friday 27 March, 07:30 UTC = 08:30 CET: before 09:00, out of hours.
    expect(isOutOfHours(zone, Date.UTC(2026, 2, 27, 7, 30))).toBe(true);
    // Monday 30 March, 07:30 UTC = 09:30 CEST: in hours.
    expect(isOutOfHours(zone, Date.UTC(2026, 2, 30, 7, 30))).toBe(false);
    // Friday 27 March, 16:30 UTC = 17:30 CET: in hours; Monday 30 March 16:30 UTC = 18:30 CEST: out.
    expect(isOutOfHours(zone, Date.UTC(2026, 2, 27, 16, 30))).toBe(false);
    expect(isOutOfHours(zone, Date.UTC(2026, 2, 30, 16, 30))).toBe(true);
  });

  it("counts 09:00 as in hours and 18:00 as out, and weekends as out", () => {
    expect(isOutOfHours("UTC", Date.UTC(2026, 2, 30, 9, 0))).toBe(false);
    expect(isOutOfHours("UTC", Date.UTC(2026, 2, 30, 17, 59))).toBe(false);
    expect(isOutOfHours("UTC", Date.UTC(2026, 2, 30, 18, 0))).toBe(true);
    // Saturday noon and Sunday noon.
    expect(isOutOfHours("UTC", Date.UTC(2026, 2, 28, 12, 0))).toBe(true);
    expect(isOutOfHours("UTC", Date.UTC(2026, 2, 29, 12, 0))).toBe(true);
  });

  it("uses the local weekday, not the UTC one", () => {
    // Monday 00:30 in Tokyo is Sunday 15:30 UTC: out of hours either way; Friday 23:30 UTC is Saturday in Tokyo.
    expect(isOutOfHours("Asia/Tokyo", Date.UTC(2026, 3, 3, 1, 0))).toBe(false); // Fri 10:00 JST
    expect(isOutOfHours("Asia/Tokyo", Date.UTC(2026, 3, 3, 23, 30))).toBe(true); // Sat 08:30 JST
    expect(isOutOfHours("America/New_York", Date.UTC(2026, 3, 4, 2, 0))).toBe(true); // Fri 22:00 EDT
  });
});

describe("offset segments", () => {
  it("finds the daylight-saving changes to the minute", () => {
    const segments = offsetSegments("Europe/Berlin", Date.UTC(2026, 0, 1), Date.UTC(2026, 11, 31));
    expect(segments).toEqual([
      { from: Date.UTC(2026, 0, 1), offsetMs: HOUR },
      { from: Date.UTC(2026, 2, 29, 1, 0), offsetMs: 2 * HOUR },
      { from: Date.UTC(2026, 9, 25, 1, 0), offsetMs: HOUR },
    ]);
  });

  it("has one segment for a zone without daylight saving", () => {
    expect(offsetSegments("Asia/Tokyo", Date.UTC(2026, 0, 1), Date.UTC(2027, 0, 1))).toEqual([{ from: Date.UTC(2026, 0, 1), offsetMs: 9 * HOUR }]);
  });

  it("agrees with the zone at every instant", () => {
    const from = Date.UTC(2025, 9, 1);
    const segments = offsetSegments("America/New_York", from, Date.UTC(2026, 11, 1));
    for (let t = from; t < Date.UTC(2026, 11, 1); t += 7 * HOUR + 13 * 60_000) {
      const segment = [...segments].reverse().find((s) => s.from <= t)!;
      expect(segment.offsetMs).toBe(offsetAt("America/New_York", t));
    }
    expect(wallClock("America/New_York", Date.UTC(2026, 6, 1, 12))).toBe(Date.UTC(2026, 6, 1, 8));
  });

  it("finds New York's changes and keeps Kolkata's one offset", () => {
    expect(offsetSegments("America/New_York", Date.UTC(2026, 0, 1), Date.UTC(2027, 0, 1))).toEqual([
      { from: Date.UTC(2026, 0, 1), offsetMs: -5 * HOUR },
      { from: Date.UTC(2026, 2, 8, 7, 0), offsetMs: -4 * HOUR },
      { from: Date.UTC(2026, 10, 1, 6, 0), offsetMs: -5 * HOUR },
    ]);
    expect(offsetSegments("Asia/Kolkata", Date.UTC(2000, 0, 1), Date.UTC(2006, 0, 1))).toEqual([{ from: Date.UTC(2000, 0, 1), offsetMs: 5.5 * HOUR }]);
  });

  it("agrees with the zone at every instant over the widest report, in zones with and without daylight saving", () => {
    const from = Date.UTC(2019, 9, 1);
    const to = from + MAX_WALK_DAYS * 24 * HOUR;
    for (const zone of ["Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "America/Santiago", "Asia/Kolkata", "UTC"]) {
      const segments = offsetSegments(zone, from, to);
      for (let t = from; t < to; t += 29 * HOUR + 17 * 60_000) {
        const segment = segments.findLast((s) => s.from <= t)!;
        expect(segment.offsetMs, `${zone} at ${new Date(t).toISOString()}`).toBe(offsetAt(zone, t));
      }
    }
  });
});

describe("offset walk", () => {
  it("covers only the stretch asked for, capped at MAX_WALK_DAYS", () => {
    const from = Date.UTC(2026, 0, 1);
    expect(offsetWalk("Europe/Berlin", from, Date.UTC(2026, 11, 31))).toMatchObject({
      timeZone: "Europe/Berlin",
      fromMs: from,
      untilMs: Date.UTC(2026, 11, 31),
    });
    // Year 0500 to today: the walk stops MAX_WALK_DAYS after its start instead of sampling 1,500 years.
    const ancient = Date.UTC(2000, 0, 1) - 1500 * 365 * 24 * HOUR;
    const started = performance.now();
    const walk = offsetWalk("Europe/Berlin", ancient, Date.UTC(2026, 11, 6));
    expect(performance.now() - started).toBeLessThan(2000);
    expect(walk.untilMs).toBe(ancient + MAX_WALK_DAYS * 24 * HOUR);
  });

  it("refuses to walk a longer stretch directly", () => {
    expect(() => offsetSegments("Europe/Berlin", Date.UTC(500, 0, 2), Date.UTC(2026, 0, 1))).toThrow(RangeError);
  });
});
