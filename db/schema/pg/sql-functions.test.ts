// What db/migrations-pg adds beyond tables: tz_offset_ms as SQLite has it (db/sql-functions.ts), and
// partial indexes on booleans that PostgreSQL really uses.
import Database from "better-sqlite3";
import { eq, getTableColumns } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { offsetSegments } from "@/lib/insights/time-zone";
import { registerSqlFunctions } from "../../sql-functions";
import * as pg from "./index";
import { createMigratedPgDatabase, pgUnavailableReason, type MigratedPgDatabase } from "./test-database";

const adminUrl = process.env.HINDSIGHT_TEST_PG_URL;
const unavailable = pgUnavailableReason(adminUrl);
const suite = unavailable ? describe.skip : describe;
const skipped = unavailable ? ` (skipped: ${unavailable})` : "";

// Zones with half- and quarter-hour offsets, southern-hemisphere and 30-minute daylight saving, a skipped day (Apia 2011).
const ZONES = [
  "UTC",
  "Europe/Berlin",
  "Europe/London",
  "America/New_York",
  "America/St_Johns",
  "America/Sao_Paulo",
  "America/Santiago",
  "Asia/Kolkata",
  "Asia/Kathmandu",
  "Australia/Lord_Howe",
  "Pacific/Chatham",
  "Pacific/Apia",
];
const FROM = Date.UTC(2009, 0, 1);
const TO = Date.UTC(2014, 11, 31);

/** Each zone around every offset change from 2009 to 2014 (a millisecond before, at, after; an hour either side), and mid-year instants. */
function cases(): Array<[number, string]> {
  const list: Array<[number, string]> = [];
  for (const zone of ZONES) {
    for (const { from } of offsetSegments(zone, FROM, TO).slice(1)) {
      for (const delta of [-3_600_000, -1, 0, 1, 3_600_000]) list.push([from + delta, zone]);
    }
    for (const year of [1999, 2010, 2026, 2037]) list.push([Date.UTC(year, 0, 15, 12), zone], [Date.UTC(year, 6, 15, 12), zone]);
  }
  return list;
}

suite(`PostgreSQL SQL functions and boolean indexes${skipped}`, () => {
  let database: MigratedPgDatabase;

  beforeAll(async () => {
    database = await createMigratedPgDatabase(adminUrl);
  }, 120_000);
  afterAll(() => database?.drop());

  it("tz_offset_ms gives what db/sql-functions.ts gives SQLite, across daylight-saving changes", async () => {
    const list = cases();
    expect(list.length).toBeGreaterThan(300);
    const sqlite = new Database(":memory:");
    registerSqlFunctions(sqlite);
    const bySqlite = sqlite.prepare("SELECT tz_offset_ms(?, ?) AS o");
    const expected = list.map(([ms, zone]) => (bySqlite.get(ms, zone) as { o: number | null }).o);
    const { rows } = await database.pool.query(
      "SELECT tz_offset_ms(ms, zone)::float8 AS o FROM unnest($1::bigint[], $2::text[]) WITH ORDINALITY AS u(ms, zone, ord) ORDER BY ord",
      [list.map(([ms]) => ms), list.map(([, zone]) => zone)],
    );
    const mismatches = list.flatMap(([ms, zone], i) =>
      rows[i].o === expected[i] ? [] : [`${zone} ${new Date(ms).toISOString()}: ${rows[i].o} ≠ ${expected[i]}`],
    );
    expect(mismatches).toEqual([]);
    // Spot checks that both agree with the world, not just with each other.
    expect(expected[list.findIndex(([ms, zone]) => zone === "Asia/Kathmandu" && ms === Date.UTC(2010, 0, 15, 12))]).toBe(20_700_000);
  });

  it("tz_offset_ms is NULL for a NULL instant or zone, and for a zone PostgreSQL does not know", async () => {
    const { rows } = await database.pool.query(
      "SELECT tz_offset_ms(NULL, 'Europe/Berlin') AS a, tz_offset_ms(0, NULL) AS b, tz_offset_ms(0, 'Mars/Olympus_Mons') AS c, tz_offset_ms(0, 'utc') AS d",
    );
    expect(rows[0]).toEqual({ a: null, b: null, c: null, d: "0" });
    const sqlite = new Database(":memory:");
    registerSqlFunctions(sqlite);
    expect(sqlite.prepare("SELECT tz_offset_ms(0, 'Mars/Olympus_Mons') AS c").get()).toEqual({ c: null });
  });

  it("reads drills through the partial index on the boolean drill column", async () => {
    const now = Date.UTC(2026, 0, 1);
    const incident = (title: string, drill: boolean) => ({
      title,
      severity: "SEV3" as const,
      status: "investigating" as const,
      drill,
      startedAt: now,
      startedAtSource: "manual" as const,
      declaredAt: now,
      updatedAt: now,
    });
    const { db } = database;
    const inserted = await db
      .insert(pg.incidents)
      .values([incident("real one", false), incident("the drill", true), incident("real two", false)] as never)
      .returning();
    // bigint identity keys come back as JS numbers (bigint mode "number"), not strings.
    expect(inserted.map((row) => typeof row.id)).toEqual(["number", "number", "number"]);

    const drills = await db
      .select()
      .from(pg.incidents)
      .where(eq(getTableColumns(pg.incidents).drill!, true));
    expect(drills.map((row) => row.title)).toEqual(["the drill"]);

    const client = await database.pool.connect();
    try {
      await client.query("SET enable_seqscan = off");
      const plan = await client.query("EXPLAIN (FORMAT JSON) SELECT id FROM incidents WHERE drill = true");
      expect(JSON.stringify(plan.rows[0])).toContain('"Index Name":"incidents_drill_idx"');
      const direct = await client.query("SELECT title FROM incidents WHERE drill");
      expect(direct.rows).toEqual([{ title: "the drill" }]);
    } finally {
      await client.query("RESET enable_seqscan");
      client.release();
    }
  });
});
