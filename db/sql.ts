import type { SQL } from "drizzle-orm";
import { getDb, type Db } from "./client";
import { dialect } from "./dialect";

// Raw SQL on either engine, on the current transaction (or the default connection). Query
// builders need none of this: `await` them. SQL text itself must be valid on both engines.

type PgRunner = { execute: (query: SQL) => Promise<{ rows: unknown[]; rowCount: number | null }> };

/** Every row of a raw query. */
export async function rows<T>(query: SQL, db: Db = getDb()): Promise<T[]> {
  if (dialect === "pg") return (await (db as unknown as PgRunner).execute(query)).rows as T[];
  return db.all<T>(query);
}

/** The first row of a raw query, or undefined. */
export async function row<T>(query: SQL, db: Db = getDb()): Promise<T | undefined> {
  return (await rows<T>(query, db))[0];
}

/** Runs a raw statement; returns how many rows it changed. */
export async function exec(query: SQL, db: Db = getDb()): Promise<number> {
  if (dialect === "pg") return (await (db as unknown as PgRunner).execute(query)).rowCount ?? 0;
  return db.run(query).changes;
}

/** The first row a query builder returns (what SQLite's `.get()` gave), or undefined. */
export async function first<T>(query: PromiseLike<T[]>): Promise<T | undefined> {
  return (await query)[0];
}

/** Rows changed by an awaited insert/update/delete without `.returning()`, on either engine. */
export function changedRows(result: unknown): number {
  const r = result as { changes?: number; rowCount?: number | null };
  return r.changes ?? r.rowCount ?? 0;
}
