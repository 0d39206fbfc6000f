import { describe, expect, it } from "vitest";
import { bucketKindFor, bucketStart, bucketsFor, trendBucketKindFor } from "./buckets";

describe("time buckets", () => {
  it("uses weeks up to 180 days and months beyond", () => {
    expect(bucketKindFor(30)).toBe("week");
    expect(bucketKindFor(180)).toBe("week");
    expect(bucketKindFor(181)).toBe("month");
  });

  it("trends durations per week up to 90 days and per month beyond", () => {
    expect(trendBucketKindFor(30)).toBe("week");
    expect(trendBucketKindFor(90)).toBe("week");
    expect(trendBucketKindFor(91)).toBe("month");
    expect(trendBucketKindFor(365)).toBe("month");
  });

  it("starts weeks on Monday and months on the 1st", () => {
    expect(bucketStart("2026-11-25", "week")).toBe("2026-11-23"); // Wednesday → Monday
    expect(bucketStart("2026-11-23", "week")).toBe("2026-11-23");
    expect(bucketStart("2026-11-29", "week")).toBe("2026-11-23"); // Sunday → the Monday before
    expect(bucketStart("2026-11-25", "month")).toBe("2026-11-01");
  });

  it("lists every bucket overlapping the range, empty ones included", () => {
    expect(bucketsFor("2026-11-01", "2026-11-25", "week").map((b) => b.start)).toEqual(["2026-10-26", "2026-11-02", "2026-11-09", "2026-11-16", "2026-11-23"]);
    expect(bucketsFor("2025-11-26", "2026-02-10", "month")).toEqual([
      { start: "2025-11-01", label: "Nov 2025" },
      { start: "2025-12-01", label: "Dec 2025" },
      { start: "2026-01-01", label: "Jan 2026" },
      { start: "2026-02-01", label: "Feb 2026" },
    ]);
  });
});
