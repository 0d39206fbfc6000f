import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { id } from "./columns";

export const auditLog = sqliteTable(
  "audit_log",
  {
    id: id(),
    at: integer("at").notNull(),
    actorUserId: integer("actor_user_id"),
    actorTokenId: integer("actor_token_id"),
    actorLabel: text("actor_label").notNull(),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id"),
    before: text("before"),
    after: text("after"),
    ip: text("ip"),
  },
  (t) => [index("audit_at_idx").on(t.at), index("audit_entity_idx").on(t.entityType, t.entityId), index("audit_action_idx").on(t.action)],
);
export type AuditRecord = typeof auditLog.$inferSelect;
