import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { id, parentId } from "./columns";
import { incidents } from "./incidents";

/**
 * The durable, ordered log of incident changes (DESIGN.md "Events, live updates and integrations").
 * Written only by appendEvent (db/access/events.ts) inside the transaction of the change, so commit
 * order is id order (SQLite has one writer) and ids are never reused: a follower that has read up to
 * id n has seen every event ≤ n, and resumes with `id > n`.
 */
export const events = sqliteTable(
  "events",
  {
    id: id(),
    incidentId: parentId("incident_id", () => incidents.id),
    type: text("type").notNull(),
    // No foreign keys: the log outlives users and tokens, like the audit log.
    actorUserId: integer("actor_user_id"),
    actorTokenId: integer("actor_token_id"),
    actorIntegrationId: integer("actor_integration_id"),
    actorLabel: text("actor_label").notNull(),
    at: integer("at").notNull(),
    // JSON: the new state of what changed, the same for every reader.
    payload: text("payload").notNull(),
  },
  (t) => [index("events_incident_idx").on(t.incidentId, t.id)],
);
export type EventRow = typeof events.$inferSelect;
