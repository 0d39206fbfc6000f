import "server-only";
import { sql } from "drizzle-orm";
import { actorKey, type Actor } from "@/lib/actor";
import { can } from "@/lib/policy";
import type { InsightsReport } from "@/lib/insights/types";
import type Database from "better-sqlite3";
import type { Db } from "../../client";
import { dialect } from "../../dialect";
import { row } from "../../sql";

/** How long a computed report is served while nothing in the database changes. */
export const INSIGHTS_CACHE_MS = 60_000;
const MAX_ENTRIES = 50;

const entries = new Map<string, { at: number; version: string; report: InsightsReport }>();
// Rows the insights queries themselves write (temp tables), so they do not count as changes.
let ownChanges = 0;

/**
 * A cheap fingerprint of the data. SQLite: rows changed through this connection
 * (total_changes(), less the figures' own temp-table rows) and commits by other connections
 * (PRAGMA data_version), both read on the connection `db` runs on (outside a transaction the
 * read-only one, whose data_version moves with every commit of the writer connection).
 * PostgreSQL: the hindsight_data_version sequence, which a statement trigger on every app
 * table moves (db/migrations-pg/0002_data_version.sql), so a write through any process or
 * connection changes it; a sequence is read outside transactions, at once.
 * Any incident, postmortem or action-item write moves it.
 */
async function dataVersion(db: Db): Promise<string> {
  if (dialect === "pg") {
    const { value, called } = (await row<{ value: number; called: boolean }>(
      sql`SELECT last_value AS value, is_called AS called FROM hindsight_data_version`,
      db,
    ))!;
    return `pg:${called ? value : 0}`;
  }
  const { changes } = (await row<{ changes: number }>(sql`SELECT total_changes() AS changes`, db))!;
  const connection = (db as unknown as { $client: Database.Database }).$client;
  return `${changes - ownChanges}:${connection.pragma("data_version", { simple: true })}`;
}

/** Who sees what: admins see every incident; anyone else sees a set that depends on who they are. */
function visibilityKey(actor: Actor): string {
  if (can(actor, "incident", "see-private")) return "admin";
  return actorKey(actor);
}

/** The cached report for this caller and filters, or a way to store the one about to be computed. */
export async function lookupReport(
  db: Db,
  actor: Actor,
  filtersKey: string,
  now: number,
): Promise<{ report: InsightsReport } | { store: (report: InsightsReport) => void }> {
  const key = `${visibilityKey(actor)}|${filtersKey}`;
  // Taken before computing: a write during a computation leaves the stored report stale.
  const version = await dataVersion(db);
  const hit = entries.get(key);
  if (hit && hit.version === version && now - hit.at >= 0 && now - hit.at < INSIGHTS_CACHE_MS) return { report: hit.report };
  return {
    store(report) {
      entries.delete(key);
      entries.set(key, { at: now, version, report });
      if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
    },
  };
}

/**
 * Runs one step of a computation and leaves the rows it wrote (temp tables) out of the data
 * version. Only valid while nothing else writes on the connection meanwhile: outside a
 * transaction it is the read-only one, where only temp tables are written. PostgreSQL: the
 * sequence counts writes to the app's tables only, so there is nothing to leave out.
 */
export async function withoutOwnChanges<T>(db: Db, step: () => Promise<T>): Promise<T> {
  if (dialect === "pg") return await step();
  const before = (await row<{ changes: number }>(sql`SELECT total_changes() AS changes`, db))!.changes;
  try {
    return await step();
  } finally {
    ownChanges += (await row<{ changes: number }>(sql`SELECT total_changes() AS changes`, db))!.changes - before;
  }
}
