import type { Db } from "./client";

export type { Db };
/** Anything that can read: the database or a transaction. */
export type Reader = Pick<Db, "select">;
/** Reads and writes rows, but cannot delete: for helpers that only insert or update. */
export type Writer = Pick<Db, "select" | "insert" | "update">;
/** A transaction (or the database) as the write helpers use it. */
export type Tx = Pick<Db, "select" | "insert" | "update" | "delete">;
