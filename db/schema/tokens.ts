import { integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt, id, ref, role } from "./columns";
import { users } from "./users";

export const apiTokens = sqliteTable(
  "api_tokens",
  {
    id: id(),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull(),
    // First characters of the token, shown in lists so people can tell tokens apart.
    prefix: text("prefix").notNull(),
    role: role(),
    createdById: ref("created_by_id", () => users.id),
    createdAt: createdAt(),
    lastUsedAt: integer("last_used_at"),
    revokedAt: integer("revoked_at"),
  },
  (t) => [uniqueIndex("api_tokens_hash_unique").on(t.tokenHash)],
);
export type ApiToken = typeof apiTokens.$inferSelect;
