import type Database from "better-sqlite3";
import { offsetAt } from "../lib/insights/time-zone";

/**
 * Functions SQL may call, registered on every connection (db/client.ts).
 *
 * tz_offset_ms(ms, zone): the UTC offset of an IANA zone at an epoch-ms instant, in ms (NULL
 * for a NULL instant). Insights convert most instants with a CASE over the offsets of the
 * report's own period; this converts the few outside it (a postmortem published years later).
 */
export function registerSqlFunctions(sqlite: Database.Database) {
  sqlite.function("tz_offset_ms", { deterministic: true }, (ms: unknown, zone: unknown) => {
    if (ms === null || ms === undefined) return null;
    const instant = typeof ms === "bigint" ? Number(ms) : Number(ms);
    if (!Number.isFinite(instant) || typeof zone !== "string") return null;
    return offsetAt(zone, instant);
  });
}
