import { index, integer, primaryKey, real, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { incidents } from "./incidents";
import { services } from "./services";
import { apiTokens } from "./tokens";
import { users } from "./users";

export const slos = sqliteTable(
  "slos",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    serviceId: integer("service_id")
      .notNull()
      .references(() => services.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    sliDescription: text("sli_description").notNull().default(""),
    // Percent, e.g. 99.9
    objective: real("objective").notNull(),
    windowDays: integer("window_days").notNull().default(28),
    version: integer("version").notNull().default(1),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [index("slos_service_idx").on(t.serviceId)],
);
export type Slo = typeof slos.$inferSelect;

/** A responder's correction of how many budget minutes an incident spent on one SLO. */
export const sloSpendOverrides = sqliteTable(
  "slo_spend_overrides",
  {
    incidentId: integer("incident_id")
      .notNull()
      .references(() => incidents.id, { onDelete: "cascade" }),
    sloId: integer("slo_id")
      .notNull()
      .references(() => slos.id, { onDelete: "cascade" }),
    minutes: real("minutes").notNull(),
    reason: text("reason").notNull(),
    byUserId: integer("by_user_id").references(() => users.id),
    byTokenId: integer("by_token_id").references(() => apiTokens.id),
    at: integer("at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.incidentId, t.sloId] })],
);
