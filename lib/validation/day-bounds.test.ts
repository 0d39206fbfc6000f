import { describe, expect, it } from "vitest";
import { boundedDay, dayBoundsProblem, EARLIEST_DAY, isCalendarDay, LATEST_DAY } from "./day-bounds";

describe("day bounds", () => {
  it("accepts real days from 2000-01-01 to 2099-12-31, the ends included", () => {
    for (const day of [EARLIEST_DAY, "2000-02-29", "2026-12-06", "2096-02-29", LATEST_DAY]) expect(dayBoundsProblem(day)).toBeNull();
  });

  it("refuses days outside the bounds", () => {
    for (const day of ["1999-12-31", "0500-01-02", "0000-01-01", "2100-01-01", "9999-12-31"]) {
      expect(dayBoundsProblem(day)).toBe("Must be in 2000–2099");
    }
  });

  it("refuses days that do not exist or are not written YYYY-MM-DD", () => {
    expect(dayBoundsProblem("2026-02-29")).toBe("Not a real calendar date");
    expect(dayBoundsProblem("2100-02-29")).toBe("Not a real calendar date");
    expect(dayBoundsProblem("2026-13-01")).toBe("Not a real calendar date");
    expect(dayBoundsProblem("2026-1-01")).toBe("Must be a date as YYYY-MM-DD");
    expect(dayBoundsProblem("+02026-01-01")).toBe("Must be a date as YYYY-MM-DD");
    expect(dayBoundsProblem("")).toBe("Must be a date as YYYY-MM-DD");
  });

  it("reads two-digit years as written, not as 19xx", () => {
    expect(isCalendarDay("0050-02-29")).toBe(false); // 1950 was not a leap year either, but 0048 was
    expect(isCalendarDay("0048-02-29")).toBe(true);
    expect(isCalendarDay("0099-12-31")).toBe(true);
  });

  it("is a zod schema that trims and names the problem", () => {
    expect(boundedDay.parse(" 2026-03-01 ")).toBe("2026-03-01");
    const result = boundedDay.safeParse("9999-12-31");
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("Must be in 2000–2099");
    expect(boundedDay.safeParse(20260301).success).toBe(false);
  });
});
