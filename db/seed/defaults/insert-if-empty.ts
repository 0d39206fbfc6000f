import { sql } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import type { Db, Reader, Tx } from "../../types";

/**
 * Runs `insert` (in one immediate transaction) only while `table` has no row at all, so an
 * admin's later edits or deletions stay. Returns what `insert` returns (how many it created), or 0.
 */
export function insertIfEmpty(db: Db, table: SQLiteTable, insert: (tx: Tx) => number): number {
  const count = (d: Reader) =>
    d
      .select({ n: sql<number>`count(*)` })
      .from(table)
      .get()!.n;
  if (count(db) > 0) return 0;
  return db.transaction((tx) => (count(tx) > 0 ? 0 : insert(tx)), { behavior: "immediate" });
}
