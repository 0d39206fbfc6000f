import { describe, expect, it } from "vitest";
import { binAxisLabel, binAxisLines, coverageText, formatDayRange, formatRatio, formatSeconds, formatSecondsCompact } from "./format";
import { DURATION_BINS } from "./bins";

describe("insights formatting", () => {
  it("writes durations as a person reads them", () => {
    expect(formatSeconds(null)).toBe("—");
    expect(formatSeconds(0)).toBe("0 s");
    expect(formatSeconds(45)).toBe("45 s");
    expect(formatSeconds(59.6)).toBe("1 min");
    expect(formatSeconds(42 * 60)).toBe("42 min");
    expect(formatSeconds(3 * 3600 + 10 * 60)).toBe("3 h 10 min");
    expect(formatSeconds(2 * 3600)).toBe("2 h");
    expect(formatSeconds(2 * 86_400 + 4 * 3600)).toBe("2 d 4 h");
    expect(formatSecondsCompact(3 * 3600 + 10 * 60)).toBe("3h 10m");
  });

  it("labels every histogram bin", () => {
    expect(DURATION_BINS.map((b) => binAxisLabel(b.minSeconds, b.maxSeconds))).toEqual([
      "<15m",
      "15–30m",
      "30–60m",
      "1–2h",
      "2–4h",
      "4–8h",
      "8–24h",
      "1–3d",
      "3d+",
    ]);
    expect(DURATION_BINS.map((b) => binAxisLines(b.minSeconds, b.maxSeconds))).toEqual([
      ["<15", "min"],
      ["15–30", "min"],
      ["30–60", "min"],
      ["1–2", "h"],
      ["2–4", "h"],
      ["4–8", "h"],
      ["8–24", "h"],
      ["1–3", "days"],
      ["3+", "days"],
    ]);
    // Short enough for nine bins in a half-width chart: about 6 characters a line at 11 px.
    for (const b of DURATION_BINS) for (const line of binAxisLines(b.minSeconds, b.maxSeconds)) expect(line.length).toBeLessThanOrEqual(5);
  });

  it("says what a figure covers and what a ratio is", () => {
    expect(coverageText({ incidents: 40, missing: 3, reconstructed: 5 })).toBe("n = 40 · 3 missing a timestamp · 5 reconstructed");
    expect(coverageText({ incidents: 12, missing: 2, reconstructed: 0 }, "name no service")).toBe("n = 12 · 2 name no service");
    expect(formatRatio({ numerator: 34, denominator: 40, rate: 0.85 })).toBe("34 of 40 (85%)");
    expect(formatRatio({ numerator: 0, denominator: 0, rate: null })).toBe("none due");
    expect(formatDayRange("2025-12-27", "2026-03-24")).toBe("27 Dec 2025 – 24 Mar 2026");
    expect(formatDayRange("2026-08-27", "2026-11-24")).toBe("27 Aug – 24 Nov 2026");
  });
});
