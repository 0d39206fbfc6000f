import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt, id, parentId, ref } from "./columns";
import { incidents } from "./incidents";
import { apiTokens } from "./tokens";
import { users } from "./users";

export const timelineEntries = sqliteTable(
  "timeline_entries",
  {
    id: id(),
    incidentId: parentId("incident_id", () => incidents.id),
    occurredAt: integer("occurred_at").notNull(),
    kind: text("kind", {
      enum: ["note", "status", "severity", "role", "service", "action_item", "postmortem", "alert", "checklist", "update"],
    }).notNull(),
    body: text("body").notNull(),
    authorUserId: ref("author_user_id", () => users.id),
    authorTokenId: ref("author_token_id", () => apiTokens.id),
    // Name at the time of writing, so the timeline reads right even after renames.
    authorLabel: text("author_label").notNull(),
    highlighted: integer("highlighted", { mode: "boolean" }).notNull().default(false),
    // JSON: {field, from, to} for automatic entries.
    meta: text("meta"),
    createdAt: createdAt(),
  },
  (t) => [index("timeline_incident_idx").on(t.incidentId, t.occurredAt)],
);
export type TimelineEntry = typeof timelineEntries.$inferSelect;
