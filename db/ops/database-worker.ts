import path from "node:path";
import { Worker } from "node:worker_threads";

/** What db/ops/backup-worker.cjs reports about a database file. */
export type DatabaseInspection = {
  /** PRAGMA integrity_check rows: exactly ["ok"] when the file is sound. */
  integrity: string[];
  tables: string[];
  /** created_at of each applied migration (drizzle's folder timestamps), or null without a migrations table. */
  migrations: number[] | null;
  /** Row counts of the tables we report; null when the table is missing. */
  counts: Record<CountedTable, number | null>;
};

export const COUNTED_TABLES = ["incidents", "timeline_entries", "postmortems", "action_items", "users", "services"] as const;
export type CountedTable = (typeof COUNTED_TABLES)[number];

type Task = { task: "backup"; source: string; target: string } | { task: "inspect"; file: string };

// A plain file loaded at run time (not bundled): the server runs from the project folder.
const workerFile = () => path.join(/*turbopackIgnore: true*/ process.cwd(), "db", "ops", "backup-worker.cjs");

function runWorker(data: Task): Promise<DatabaseInspection> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerFile(), { workerData: { ...data, countedTables: COUNTED_TABLES } });
    let settled = false;
    worker.once("message", (message: { ok: true; result: DatabaseInspection } | { ok: false; message: string }) => {
      settled = true;
      if (message.ok) resolve(message.result);
      else reject(new Error(message.message));
    });
    worker.once("error", (error) => {
      settled = true;
      reject(error);
    });
    worker.once("exit", (code) => {
      if (!settled) reject(new Error(`the database worker stopped (exit ${code})`));
    });
  });
}

/** Writes a consistent snapshot of `source` into `target` (absent or empty), then inspects the copy. */
export function snapshotDatabase(source: string, target: string): Promise<DatabaseInspection> {
  return runWorker({ task: "backup", source, target });
}

/** Integrity check, tables, applied migrations and row counts of a database file (opened read-only). */
export function inspectDatabase(file: string): Promise<DatabaseInspection> {
  return runWorker({ task: "inspect", file });
}
