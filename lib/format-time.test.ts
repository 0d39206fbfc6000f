import { describe, expect, it } from "vitest";
import { formatDuration, formatRelative, formatUtc } from "./format-time";

const SEC = 1000;
const MIN = 60 * SEC;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

describe("formatUtc", () => {
  it("formats epoch ms as minutes in UTC", () => {
    expect(formatUtc(Date.UTC(2026, 10, 25, 14, 3, 59))).toBe("2026-11-25 14:03 UTC");
  });

  it("says 'not set' for missing values", () => {
    expect(formatUtc(null)).toBe("not set");
    expect(formatUtc(undefined)).toBe("not set");
  });
});

describe("formatDuration", () => {
  it("picks the two largest units", () => {
    expect(formatDuration(30 * SEC)).toBe("30s");
    expect(formatDuration(45 * MIN + 10 * SEC)).toBe("45m");
    expect(formatDuration(3 * HOUR + 12 * MIN)).toBe("3h 12m");
    expect(formatDuration(2 * DAY + 4 * HOUR + 30 * MIN)).toBe("2d 4h");
  });

  it("shows exact unit boundaries", () => {
    expect(formatDuration(MIN)).toBe("1m");
    expect(formatDuration(HOUR)).toBe("1h 0m");
    expect(formatDuration(DAY)).toBe("1d 0h");
  });

  it("never goes negative", () => {
    expect(formatDuration(-5 * MIN)).toBe("0s");
    expect(formatDuration(0)).toBe("0s");
  });
});

describe("formatRelative", () => {
  const now = Date.UTC(2026, 4, 10, 12);
  it("reads past times", () => {
    expect(formatRelative(now - 10 * SEC, now)).toBe("just now");
    expect(formatRelative(now - 12 * MIN, now)).toBe("12 min ago");
    expect(formatRelative(now - 3 * HOUR, now)).toBe("3 h ago");
    expect(formatRelative(now - 5 * DAY, now)).toBe("5 d ago");
    expect(formatRelative(now - 65 * DAY, now)).toBe("2 mo ago");
  });

  it("reads future times", () => {
    expect(formatRelative(now + 12 * MIN, now)).toBe("in 12 min");
    expect(formatRelative(now + 2 * DAY, now)).toBe("in 2 d");
  });
});
