// The SQLite side of a copy: a Hindsight database opened read-only, read in one transaction.
import Database from "better-sqlite3";
import fs from "node:fs";
import path from "node:path";
import { databaseProblem, knownMigrations } from "../database-check";
import { COUNTED_TABLES, type DatabaseInspection } from "../database-worker";
import { CopyRefused } from "./copy-errors";

export type SqliteSource = {
  file: string;
  /** Every app table (not SQLite's own, not drizzle's migration log) with its columns in order. */
  tables: Map<string, string[]>;
  /** The highest id each AUTOINCREMENT table ever handed out (sqlite_sequence), deleted rows included. */
  sequences: Map<string, bigint>;
  /** The rows of a table as arrays of `columns`' values, one at a time (integers as bigint). */
  rows: (table: string, columns: readonly string[]) => IterableIterator<unknown[]>;
  close: () => void;
};

export const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * Opens `file` read-only and starts the read transaction every later read shares: a snapshot,
 * so a server writing meanwhile cannot tear the copy (its later writes are simply not in it).
 * Refuses a file that is missing, not SQLite, not a sound Hindsight database, or from a version
 * whose migrations differ from this code's.
 */
export function openSqliteSource(given: string): SqliteSource {
  const file = path.resolve(given);
  if (!fs.existsSync(file)) throw new CopyRefused(`--from: there is no file at ${file}`);
  if (!fs.statSync(file).isFile()) throw new CopyRefused(`--from: ${file} is not a file`);
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new CopyRefused(`--from: cannot open ${file}: ${(error as Error).message}`);
  }
  try {
    db.exec("BEGIN");
    const tables = readTables(db, file);
    checkHindsightDatabase(db, file, [...tables.keys()]);
    tables.delete("__drizzle_migrations");
    return {
      file,
      tables,
      sequences: readSequences(db, [...tables.keys()]),
      rows: (table, columns) =>
        db
          .prepare(`SELECT ${columns.map(quoteIdent).join(", ")} FROM ${quoteIdent(table)}`)
          .safeIntegers(true)
          .raw(true)
          .iterate() as IterableIterator<unknown[]>,
      close: () => {
        // Ends the read transaction; closing also ends it, should a failed copy have left a statement open.
        try {
          db.exec("COMMIT");
        } catch {}
        db.close();
      },
    };
  } catch (error) {
    db.close();
    throw error;
  }
}

function readTables(db: Database.Database, file: string): Map<string, string[]> {
  let names: string[];
  try {
    names = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name")
      .pluck()
      .all() as string[];
  } catch (error) {
    throw new CopyRefused(`--from: ${file} is not a SQLite database (${(error as Error).message})`);
  }
  const columns = db.prepare("SELECT name FROM pragma_table_info(?) ORDER BY cid").pluck();
  return new Map(names.map((name) => [name, columns.all(name) as string[]]));
}

function checkHindsightDatabase(db: Database.Database, file: string, tables: string[]) {
  const migrations = tables.includes("__drizzle_migrations")
    ? (db.prepare("SELECT created_at FROM __drizzle_migrations").pluck().safeIntegers(false).all() as number[])
    : null;
  const found: DatabaseInspection = {
    integrity: db.prepare("PRAGMA quick_check").pluck().all() as string[],
    tables,
    migrations,
    counts: Object.fromEntries(COUNTED_TABLES.map((t) => [t, null])) as DatabaseInspection["counts"],
  };
  const known = knownMigrations();
  const problem = databaseProblem(found, known);
  if (problem) throw new CopyRefused(`--from: ${file}: ${problem}`);
  if (Math.max(...migrations!) < Math.max(...known)) {
    throw new CopyRefused(
      `--from: ${file} is from an older version of Hindsight. Start this version on it once (it applies its migrations at start), stop it, then copy.`,
    );
  }
}

function readSequences(db: Database.Database, tables: string[]): Map<string, bigint> {
  const hasSequences = db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_sequence'").get();
  if (!hasSequences) return new Map();
  const rows = db.prepare("SELECT name, seq FROM sqlite_sequence").safeIntegers(true).all() as { name: string; seq: bigint }[];
  return new Map(rows.filter((r) => tables.includes(r.name)).map((r) => [r.name, r.seq]));
}
