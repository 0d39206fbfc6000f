import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt, id, parentId, updatedAt, version } from "./columns";
import { AUTO_CHECKS } from "../../lib/checklist-auto";
import { incidents } from "./incidents";
import { services } from "./services";

export const playbooks = sqliteTable("playbooks", {
  id: id(),
  name: text("name").notNull(),
  description: text("description").notNull().default(""),
  // JSON array of severities it applies to; empty = any severity (then services decide).
  severities: text("severities").notNull().default("[]"),
  enabled: integer("enabled", { mode: "boolean" }).notNull().default(true),
  version: version(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});
export type Playbook = typeof playbooks.$inferSelect;

export const playbookServices = sqliteTable(
  "playbook_services",
  {
    playbookId: parentId("playbook_id", () => playbooks.id),
    serviceId: parentId("service_id", () => services.id),
  },
  (t) => [primaryKey({ columns: [t.playbookId, t.serviceId] })],
);

export const playbookItems = sqliteTable(
  "playbook_items",
  {
    id: id(),
    playbookId: parentId("playbook_id", () => playbooks.id),
    position: integer("position").notNull(),
    text: text("text").notNull(),
    link: text("link"),
    // A condition the system can verify (lib/checklist-auto.ts): the item then ticks itself.
    autoCheck: text("auto_check", { enum: AUTO_CHECKS }),
  },
  (t) => [index("playbook_items_playbook_idx").on(t.playbookId, t.position)],
);

/** Which playbooks were already applied to an incident: each is copied at most once. */
export const incidentPlaybooks = sqliteTable(
  "incident_playbooks",
  {
    incidentId: parentId("incident_id", () => incidents.id),
    playbookId: parentId("playbook_id", () => playbooks.id),
    appliedAt: integer("applied_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.incidentId, t.playbookId] })],
);
