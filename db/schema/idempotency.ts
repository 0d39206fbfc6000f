import { primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt, parentId } from "./columns";
import { incidents } from "./incidents";

export const idempotencyKeys = sqliteTable(
  "idempotency_keys",
  {
    actorKey: text("actor_key").notNull(),
    key: text("key").notNull(),
    incidentId: parentId("incident_id", () => incidents.id),
    createdAt: createdAt(),
    /** SHA-256 of the canonical JSON of the first request's body; null on rows from before it was kept. */
    requestHash: text("request_hash"),
  },
  (t) => [primaryKey({ columns: [t.actorKey, t.key] })],
);
