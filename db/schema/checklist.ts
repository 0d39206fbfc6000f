import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt, id, parentId, ref } from "./columns";
import { AUTO_CHECKS } from "../../lib/checklist-auto";
import { incidents } from "./incidents";
import { playbooks } from "./playbooks";

export const checklistItems = sqliteTable(
  "checklist_items",
  {
    id: id(),
    incidentId: parentId("incident_id", () => incidents.id),
    playbookId: ref("playbook_id", () => playbooks.id, "set null"),
    // Name of the playbook when copied, so the checklist reads right if the playbook changes.
    playbookName: text("playbook_name").notNull(),
    position: integer("position").notNull(),
    text: text("text").notNull(),
    link: text("link"),
    // Copied from the playbook item: ticks itself when this condition becomes true.
    autoCheck: text("auto_check", { enum: AUTO_CHECKS }),
    doneAt: integer("done_at"),
    doneByLabel: text("done_by_label"),
    createdAt: createdAt(),
  },
  (t) => [index("checklist_items_incident_idx").on(t.incidentId, t.position)],
);
export type ChecklistItem = typeof checklistItems.$inferSelect;
