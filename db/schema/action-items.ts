import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt, id, parentId, ref, updatedAt, version } from "./columns";
import { incidents } from "./incidents";
import { services } from "./services";
import { users } from "./users";

export const actionItems = sqliteTable(
  "action_items",
  {
    id: id(),
    incidentId: parentId("incident_id", () => incidents.id),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    ownerId: ref("owner_id", () => users.id),
    // Calendar date "YYYY-MM-DD": due at the end of that day.
    dueDate: text("due_date").notNull(),
    priority: text("priority", { enum: ["P1", "P2", "P3"] }).notNull(),
    kind: text("kind", { enum: ["prevent", "mitigate", "detect", "repair", "process"] }).notNull(),
    status: text("status", { enum: ["open", "in_progress", "done", "wont_do"] }).notNull(),
    trackerUrl: text("tracker_url"),
    serviceId: ref("service_id", () => services.id, "set null"),
    version: version(),
    createdById: ref("created_by_id", () => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    // When it became done or won't do; cleared when reopened.
    completedAt: integer("completed_at"),
  },
  (t) => [
    index("action_items_incident_idx").on(t.incidentId),
    index("action_items_owner_idx").on(t.ownerId, t.status),
    index("action_items_due_idx").on(t.status, t.dueDate),
    // Every status (status=all), soonest or latest due first: a page read in order, not all items sorted.
    index("action_items_due_date_idx").on(t.dueDate),
    index("action_items_service_idx").on(t.serviceId),
  ],
);
export type ActionItem = typeof actionItems.$inferSelect;
