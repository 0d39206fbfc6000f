// engine: sqlite — the PostgreSQL tz_offset_ms is checked against this one in db/schema/pg/sql-functions.test.ts
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { offsetAt } from "@/lib/insights/time-zone";
import { getSqlite } from "./client";
import { createTestDb, type TestDb } from "./testing/test-db";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.cleanup());

describe("tz_offset_ms", () => {
  const offset = (ms: number | null, zone: string) => (getSqlite().prepare("SELECT tz_offset_ms(?, ?) AS o").get(ms, zone) as { o: number | null }).o;

  it("gives a zone's UTC offset at an instant, daylight saving included", () => {
    expect(offset(Date.UTC(2026, 0, 15), "Europe/Berlin")).toBe(3_600_000);
    expect(offset(Date.UTC(2026, 6, 15), "Europe/Berlin")).toBe(7_200_000);
    expect(offset(Date.UTC(2026, 6, 15), "America/New_York")).toBe(-4 * 3_600_000);
    expect(offset(Date.UTC(2026, 6, 15), "Asia/Kolkata")).toBe(5.5 * 3_600_000);
    expect(offset(Date.UTC(2046, 6, 15), "Europe/Berlin")).toBe(offsetAt("Europe/Berlin", Date.UTC(2046, 6, 15)));
  });

  it("is NULL for a NULL instant", () => {
    expect(offset(null, "Europe/Berlin")).toBeNull();
  });
});
