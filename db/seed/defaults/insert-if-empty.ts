import { sql } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import type { Db, Reader, Tx } from "../../types";
import { transaction } from "../../transaction";

/**
 * Runs `insert` (in one immediate transaction) only while `table` has no row at all, so an
 * admin's later edits or deletions stay. Returns what `insert` returns (how many it created), or 0.
 */
export async function insertIfEmpty(db: Db, table: SQLiteTable, insert: (tx: Tx) => Promise<number>): Promise<number> {
  const count = async (d: Reader) => (await d.select({ n: sql<number>`count(*)` }).from(table))[0]!.n;
  if ((await count(db)) > 0) return 0;
  return await transaction(async (tx) => ((await count(tx)) > 0 ? 0 : insert(tx)));
}
