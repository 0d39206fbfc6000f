import "server-only";
import { and, asc, eq, sql, type SQL } from "drizzle-orm";
import type { Actor } from "@/lib/actor";
import { AppError } from "@/lib/errors";
import { requirePermission } from "@/lib/policy";
import { decodeTextCursor, encodeTextCursor } from "@/lib/cursor";
import { parseInput } from "@/lib/validation/parse";
import { listUsersSchema } from "@/lib/validation/user";
import type { UserRole } from "@/lib/roles";
import { getDb } from "../../client";
import { users } from "../../schema";
import { likeInsensitive } from "../../dialect-sql";

export type UserListItem = { id: number; name: string; email: string; role: UserRole; disabled: boolean };

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * People by name (responders and admins: they name owners, reviewers and roles). With `q`,
 * names or emails containing it (any case), those starting with it first, so typing a
 * prefix finds the person at the top.
 */
export async function searchUsers({ actor, query }: { actor: Actor; query: unknown }): Promise<{ items: UserListItem[]; nextCursor: string | null }> {
  requirePermission(actor, "user", "list");
  const filter = parseInput(listUsersSchema, query ?? {});
  const cursor = filter.cursor ? decodeTextCursor(filter.cursor) : null;
  if (filter.cursor && !cursor)
    throw new AppError("validation_failed", "cursor is not valid; use nextCursor from a previous page", { cursor: "Invalid cursor" });

  const where: SQL[] = [];
  let rank: SQL = sql`0`;
  if (filter.q) {
    const q = escapeLike(filter.q);
    where.push(sql`(${likeInsensitive(users.name, `%${q}%`)} OR ${likeInsensitive(users.email, `%${q}%`)})`);
    rank = sql`CASE WHEN ${likeInsensitive(users.name, `${q}%`)} OR ${likeInsensitive(users.email, `${q}%`)} THEN 0 ELSE 1 END`;
  }
  if (filter.active !== undefined) where.push(eq(users.disabled, !filter.active));
  const sortName = sql`lower(${users.name})`;
  if (cursor) {
    where.push(
      sql`(${rank} > ${cursor.rank} OR (${rank} = ${cursor.rank} AND (${sortName} > ${cursor.key} OR (${sortName} = ${cursor.key} AND ${users.id} > ${cursor.id}))))`,
    );
  }
  const rows = await getDb()
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      disabled: users.disabled,
      rank: sql<number>`${rank}`,
      sortName: sql<string>`${sortName}`,
    })
    .from(users)
    .where(where.length ? and(...where) : undefined)
    // A constant rank (no q) must not be ordered by: SQLite reads ORDER BY 0 as a column number.
    .orderBy(...(filter.q ? [asc(rank)] : []), asc(sortName), asc(users.id))
    .limit(filter.limit + 1);
  const page = rows.slice(0, filter.limit);
  const last = page.at(-1);
  return {
    items: page.map(({ id, name, email, role, disabled }) => ({ id, name, email, role, disabled })),
    nextCursor: rows.length > filter.limit && last ? encodeTextCursor({ rank: Number(last.rank), key: last.sortName, id: last.id }) : null,
  };
}
