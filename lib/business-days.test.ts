import { describe, expect, it } from "vitest";
import { addBusinessDays, isValidTimeZone } from "./business-days";

const utc = (iso: string) => Date.parse(iso);
const day = (ms: number, timeZone = "UTC") => new Intl.DateTimeFormat("en-GB", { timeZone, weekday: "short" }).format(ms);

describe("addBusinessDays", () => {
  it("adds weekdays within a week, keeping the time of day", () => {
    // Monday 2026-03-02 → Thursday
    expect(addBusinessDays(utc("2026-03-02T09:30:00Z"), 3)).toBe(utc("2026-03-05T09:30:00Z"));
  });

  it("skips Saturday and Sunday: a Friday + 5 is the next Friday", () => {
    const friday = utc("2026-03-06T14:00:00Z");
    expect(day(friday)).toBe("Fri");
    expect(addBusinessDays(friday, 5)).toBe(utc("2026-03-13T14:00:00Z"));
    expect(addBusinessDays(friday, 1)).toBe(utc("2026-03-09T14:00:00Z")); // Monday
  });

  it("from a weekend, Monday is the first business day", () => {
    expect(addBusinessDays(utc("2026-03-07T10:00:00Z"), 1)).toBe(utc("2026-03-09T10:00:00Z")); // Sat → Mon
    expect(addBusinessDays(utc("2026-03-08T10:00:00Z"), 5)).toBe(utc("2026-03-13T10:00:00Z")); // Sun → Fri
  });

  it("zero days is the same moment; negative days go back", () => {
    const t = utc("2026-03-09T10:00:00Z"); // Monday
    expect(addBusinessDays(t, 0)).toBe(t);
    expect(addBusinessDays(t, -1)).toBe(utc("2026-03-06T10:00:00Z")); // Friday before
  });

  it("counts weekdays in the given time zone", () => {
    // Friday 23:30 UTC is already Saturday 08:30 in Tokyo: +1 business day is Monday 08:30 Tokyo.
    const t = utc("2026-03-06T23:30:00Z");
    expect(addBusinessDays(t, 1, "Asia/Tokyo")).toBe(utc("2026-03-08T23:30:00Z"));
    // In UTC it is a Friday: +1 is Monday 23:30 UTC.
    expect(addBusinessDays(t, 1, "UTC")).toBe(utc("2026-03-09T23:30:00Z"));
  });

  it("keeps the wall-clock time across a daylight-saving change", () => {
    // Friday 2026-03-27 12:00 in London (GMT); clocks go forward on Sunday 29 March.
    const t = utc("2026-03-27T12:00:00Z");
    expect(addBusinessDays(t, 1, "Europe/London")).toBe(utc("2026-03-30T11:00:00Z")); // Monday 12:00 BST
  });

  it("falls back to UTC for an unknown zone", () => {
    const t = utc("2026-03-06T14:00:00Z");
    expect(addBusinessDays(t, 5, "Not/AZone")).toBe(addBusinessDays(t, 5, "UTC"));
    expect(isValidTimeZone("Europe/Berlin")).toBe(true);
    expect(isValidTimeZone("UTC")).toBe(true);
    expect(isValidTimeZone("Not/AZone")).toBe(false);
    expect(isValidTimeZone("")).toBe(false);
  });
});
