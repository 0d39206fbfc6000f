import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import fs from "node:fs";
import path from "node:path";
import * as schema from "./schema";
import { observeOnProcessMetrics, timeStatements } from "./ops/timed-statements";
import { registerSqlFunctions } from "./sql-functions";
import { dialect } from "./dialect";
import { currentTransaction } from "./transaction-context";
import { pgProvider, registeredPg } from "./pg-registry";

export { pgProvider };
import { env } from "@/server/env";

/**
 * The query-building database. Queries are written once against the SQLite-typed tables and run on
 * either engine: on PostgreSQL the same names hold the derived PG tables (db/schema/index.ts) and
 * this object is the node-postgres drizzle database. Build queries and `await` them; never call the
 * SQLite-only `.all() .get() .run() .values()` (db/sql.ts has the raw-SQL helpers).
 */
export type Db = BetterSQLite3Database<typeof schema>;

/** Where the data lives, for messages: the SQLite file, or the PostgreSQL URL without its password. */
export function databaseDescription(): string {
  if (dialect !== "pg") return databasePath();
  try {
    const url = new URL(env("DATABASE_URL")!);
    if (url.password) url.password = "***";
    return url.toString();
  } catch {
    return "PostgreSQL (DATABASE_URL)";
  }
}

export function databasePath(): string {
  return path.resolve(/*turbopackIgnore: true*/ env("DATABASE_PATH") || path.join("data", "hindsight.db"));
}

const migrationsFolder = () => path.join(/*turbopackIgnore: true*/ process.cwd(), "db", "migrations");

function connect(file: string, readonly: boolean): Database.Database {
  const sqlite = timeStatements(new Database(file, { readonly }), observeOnProcessMetrics);
  if (!readonly) sqlite.pragma("journal_mode = WAL");
  // FULL: a committed incident survives power loss, not only a process crash.
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  registerSqlFunctions(sqlite);
  return sqlite;
}

export type SqliteHandle = {
  /** Statements outside a transaction: a read-only connection, so it never sees a transaction's uncommitted rows. */
  db: Db;
  /** The connection transactions run on (db/transaction.ts serialises them). */
  writer: Db;
  sqlite: Database.Database;
  reader: Database.Database;
};

/** Opens the writer and reader connections with the settings every connection must have, and applies pending migrations. */
export function openDatabase(file: string): SqliteHandle {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = connect(file, false);
  const writer = drizzle(sqlite, { schema });
  migrate(writer, { migrationsFolder: migrationsFolder() });
  // An in-memory database is private to its connection: there, reads share the writer.
  const reader = file === ":memory:" ? sqlite : connect(file, true);
  return { db: file === ":memory:" ? writer : drizzle(reader, { schema }), writer, sqlite, reader };
}

// scripts/server.mjs checkpoints and closes these connections on shutdown.
const globalForDb = globalThis as unknown as { hindsightDb?: SqliteHandle & { file: string } };

function sqliteHandle(): SqliteHandle {
  const file = databasePath();
  if (!globalForDb.hindsightDb || globalForDb.hindsightDb.file !== file) {
    closeSqlite();
    globalForDb.hindsightDb = { ...openDatabase(file), file };
  }
  return globalForDb.hindsightDb;
}

function closeSqlite() {
  const held = globalForDb.hindsightDb;
  if (!held) return;
  if (held.reader !== held.sqlite) held.reader.close();
  held.sqlite.close();
  globalForDb.hindsightDb = undefined;
}

/**
 * The database to query: inside `transaction()` the transaction itself, otherwise the shared
 * connection (SQLite: read-only, writes go through `transaction()`; PostgreSQL: the pool).
 */
export function getDb(): Db {
  const tx = currentTransaction();
  if (tx) return tx;
  if (dialect === "pg") return pgDb();
  return sqliteHandle().db;
}

/** The SQLite writer connection (transactions only: db/transaction.ts). */
export function sqliteWriter(): { db: Db; sqlite: Database.Database } {
  const handle = sqliteHandle();
  return { db: handle.writer, sqlite: handle.sqlite };
}

/** The raw SQLite connection, for SQLite-only tools (backup, bench, query plans). */
export function getSqlite(): Database.Database {
  if (dialect === "pg") throw new Error("getSqlite(): this installation runs on PostgreSQL");
  return sqliteHandle().sqlite;
}

const pgDb = () => pgProvider().db();

/**
 * Calls `callback` whenever any process NOTIFYs `channel` (PostgreSQL); returns the unsubscribe.
 * SQLite has no such signal: there one server owns the file and callers poll.
 */
export function onDatabaseNotification(channel: string, callback: () => void): () => void {
  if (dialect !== "pg") return () => {};
  return pgProvider().listen(channel, callback);
}

/** Opens the database and applies migrations (PostgreSQL: connects the pool and migrates under an advisory lock). */
export async function prepareDatabase(): Promise<void> {
  if (dialect === "pg") {
    await (await import("./pg-client")).connectPg().provider.ready();
    return;
  }
  sqliteHandle();
}

/** Closes the process's connections (graceful shutdown, end of tests). */
export async function closeDatabase(): Promise<void> {
  if (dialect === "pg") await registeredPg()?.close();
  else closeSqlite();
}

/** Lets tests point the data layer at a fresh SQLite database. */
export function useDatabaseForTests(file: string): Db {
  // eslint-disable-next-line no-restricted-properties -- sets the variable server/env.ts reads
  process.env.DATABASE_PATH = file;
  return getDb();
}
