import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import fs from "node:fs";
import path from "node:path";
import * as schema from "./schema";
import { observeOnProcessMetrics, timeStatements } from "./ops/timed-statements";
import { registerSqlFunctions } from "./sql-functions";
import { env } from "@/server/env";

export type Db = BetterSQLite3Database<typeof schema>;

export function databasePath(): string {
  return path.resolve(/*turbopackIgnore: true*/ env("DATABASE_PATH") || path.join("data", "hindsight.db"));
}

/** Opens a connection with the settings every connection must have, and applies pending migrations. */
export function openDatabase(file: string): { db: Db; sqlite: Database.Database } {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = timeStatements(new Database(file), observeOnProcessMetrics);
  sqlite.pragma("journal_mode = WAL");
  // FULL: a committed incident survives power loss, not only a process crash.
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  registerSqlFunctions(sqlite);
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder: path.join(/*turbopackIgnore: true*/ process.cwd(), "db", "migrations") });
  return { db, sqlite };
}

// scripts/server.mjs checkpoints and closes this connection on shutdown.
const globalForDb = globalThis as unknown as { hindsightDb?: { db: Db; sqlite: Database.Database; file: string } };

/** The process-wide connection (cached on globalThis so dev reloads do not open more). */
export function getDb(): Db {
  const file = databasePath();
  if (!globalForDb.hindsightDb || globalForDb.hindsightDb.file !== file) {
    globalForDb.hindsightDb?.sqlite.close();
    globalForDb.hindsightDb = { ...openDatabase(file), file };
  }
  return globalForDb.hindsightDb.db;
}

export function getSqlite(): Database.Database {
  getDb();
  return globalForDb.hindsightDb!.sqlite;
}

/** Lets tests point the data layer at a fresh database. */
export function useDatabaseForTests(file: string): Db {
  // eslint-disable-next-line no-restricted-properties -- sets the variable server/env.ts reads
  process.env.DATABASE_PATH = file;
  return getDb();
}
