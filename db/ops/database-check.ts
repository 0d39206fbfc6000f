import fs from "node:fs";
import path from "node:path";
import { COUNTED_TABLES, type DatabaseInspection } from "./database-worker";

// Tables every Hindsight database has had since the first migration.
const CORE_TABLES = ["__drizzle_migrations", "users", "incidents", "timeline_entries", "audit_log"];

/** The folder timestamps of the migrations this code knows (drizzle stores them as created_at). */
export function knownMigrations(): number[] {
  const journal = path.join(/*turbopackIgnore: true*/ process.cwd(), "db", "migrations", "meta", "_journal.json");
  const { entries } = JSON.parse(fs.readFileSync(journal, "utf8")) as { entries: { when: number }[] };
  return entries.map((e) => e.when);
}

/** Why the inspected file is not a sound Hindsight database this code can open, or null when it is. */
export function databaseProblem(found: DatabaseInspection, known: number[]): string | null {
  if (found.integrity.length !== 1 || found.integrity[0] !== "ok") {
    return `integrity_check failed: ${found.integrity.slice(0, 5).join("; ")}`;
  }
  const missing = CORE_TABLES.filter((t) => !found.tables.includes(t));
  if (missing.length) return `not a Hindsight database (missing tables: ${missing.join(", ")})`;
  const applied = found.migrations ?? [];
  if (applied.length === 0) return "not a Hindsight database (no migrations applied)";
  const latest = Math.max(...applied);
  if (latest > Math.max(...known)) return "the database comes from a newer version of Hindsight than this code; update the code first";
  if (!known.includes(latest)) return "not a Hindsight database (its migrations are not Hindsight's)";
  return null;
}

const LABELS: Record<(typeof COUNTED_TABLES)[number], string> = {
  incidents: "incidents",
  timeline_entries: "timeline entries",
  postmortems: "postmortems",
  action_items: "action items",
  users: "users",
  services: "services",
};

/** "12 incidents, 80 timeline entries, …" (a table older backups lack is left out). */
export function describeCounts(counts: DatabaseInspection["counts"]): string {
  return COUNTED_TABLES.filter((t) => counts[t] !== null)
    .map((t) => `${counts[t]} ${LABELS[t]}`)
    .join(", ");
}
