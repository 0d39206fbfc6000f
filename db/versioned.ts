import { and, eq, sql } from "drizzle-orm";
import type { SQLiteColumn, SQLiteTable, SQLiteUpdateSetSource } from "drizzle-orm/sqlite-core";
import { AppError } from "@/lib/errors";
import type { Writer } from "./types";

/**
 * The 409 for a write made against an old version: names the `version` field and carries
 * `current` (the record as it is now) so the client can show both and merge.
 */
export function staleError(what: string, currentVersion: number, current?: unknown, hint = "Review the current state and try again."): AppError {
  return new AppError(
    "conflict",
    `This ${what} was changed by someone else (now version ${currentVersion}). ${hint}`,
    { version: "Stale version" },
    current === undefined ? undefined : { current },
  );
}

type VersionedTable = SQLiteTable & { id: SQLiteColumn; version: SQLiteColumn; updatedAt: SQLiteColumn };

/**
 * `UPDATE … SET changes, version = version + 1, updatedAt = now WHERE id = ? AND version = ?`.
 * When no row matched (someone else wrote first) it throws what `stale()` returns, so two
 * writers holding the same version can never both succeed.
 */
export async function updateVersioned<T extends VersionedTable>(
  tx: Writer,
  table: T,
  row: { id: number; version: number },
  changes: SQLiteUpdateSetSource<T>,
  now: number,
  stale: () => AppError | Promise<AppError>,
): Promise<T["$inferSelect"]> {
  const set = { ...changes, version: sql`${table.version} + 1`, updatedAt: now } as SQLiteUpdateSetSource<T>;
  const updated = (
    await tx
      .update(table)
      .set(set)
      .where(and(eq(table.id, row.id), eq(table.version, row.version)))
      .returning()
  )[0] as T["$inferSelect"] | undefined;
  if (!updated) throw await stale();
  return updated;
}
