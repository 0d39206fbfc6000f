import "server-only";
import { sql } from "drizzle-orm";
import { actorKey, type Actor } from "@/lib/actor";
import { can } from "@/lib/policy";
import type { InsightsReport } from "@/lib/insights/types";
import { getSqlite, type Db } from "../../client";

/** How long a computed report is served while nothing in the database changes. */
export const INSIGHTS_CACHE_MS = 60_000;
const MAX_ENTRIES = 50;

const entries = new Map<string, { at: number; version: string; report: InsightsReport }>();
// Rows the insights queries themselves write (temp tables), so they do not count as changes.
let ownChanges = 0;

/**
 * A cheap fingerprint of the data: rows changed through this connection (total_changes(),
 * less the figures' own temp-table rows) and commits by other connections (PRAGMA
 * data_version). Any incident, postmortem or action-item write moves it.
 */
function dataVersion(db: Pick<Db, "get">): string {
  const { changes } = db.get<{ changes: number }>(sql`SELECT total_changes() AS changes`)!;
  return `${changes - ownChanges}:${getSqlite().pragma("data_version", { simple: true })}`;
}

/** Who sees what: admins see every incident; anyone else sees a set that depends on who they are. */
function visibilityKey(actor: Actor): string {
  if (can(actor, "incident", "see-private")) return "admin";
  return actorKey(actor);
}

/** The cached report for this caller and filters, or a way to store the one about to be computed. */
export function lookupReport(
  db: Pick<Db, "get">,
  actor: Actor,
  filtersKey: string,
  now: number,
): { report: InsightsReport } | { store: (report: InsightsReport) => void } {
  const key = `${visibilityKey(actor)}|${filtersKey}`;
  // Taken before computing: a write during a computation leaves the stored report stale.
  const version = dataVersion(db);
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
 * Runs one synchronous step of a computation and leaves the rows it wrote (temp tables) out of
 * the data version. Only valid for synchronous code: nothing else runs on the connection meanwhile.
 */
export function withoutOwnChanges<T>(db: Pick<Db, "get">, step: () => T): T {
  const before = db.get<{ changes: number }>(sql`SELECT total_changes() AS changes`)!.changes;
  try {
    return step();
  } finally {
    ownChanges += db.get<{ changes: number }>(sql`SELECT total_changes() AS changes`)!.changes - before;
  }
}
