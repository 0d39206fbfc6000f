import { index, integer, primaryKey, real, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt, id, parentId, ref, updatedAt, version } from "./columns";
import { incidents } from "./incidents";
import { services } from "./services";
import { apiTokens } from "./tokens";
import { users } from "./users";

export const slos = sqliteTable(
  "slos",
  {
    id: id(),
    serviceId: parentId("service_id", () => services.id),
    name: text("name").notNull(),
    sliDescription: text("sli_description").notNull().default(""),
    // Percent, e.g. 99.9
    objective: real("objective").notNull(),
    windowDays: integer("window_days").notNull().default(28),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("slos_service_idx").on(t.serviceId)],
);
export type Slo = typeof slos.$inferSelect;

/** A responder's correction of how many budget minutes an incident spent on one SLO. */
export const sloSpendOverrides = sqliteTable(
  "slo_spend_overrides",
  {
    incidentId: parentId("incident_id", () => incidents.id),
    sloId: parentId("slo_id", () => slos.id),
    minutes: real("minutes").notNull(),
    reason: text("reason").notNull(),
    byUserId: ref("by_user_id", () => users.id),
    byTokenId: ref("by_token_id", () => apiTokens.id),
    at: integer("at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.incidentId, t.sloId] })],
);
