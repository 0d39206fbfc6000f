import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt, id, parentId, ref, updatedAt, version } from "./columns";
import { incidents } from "./incidents";
import { teams } from "./teams";

export const services = sqliteTable(
  "services",
  {
    id: id(),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    teamId: ref("team_id", () => teams.id, "set null"),
    tier: integer("tier").notNull(),
    runbookUrl: text("runbook_url"),
    // JSON [{label, url}]
    links: text("links").notNull().default("[]"),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("services_slug_unique").on(t.slug), index("services_team_idx").on(t.teamId)],
);
export type Service = typeof services.$inferSelect;

export const incidentServices = sqliteTable(
  "incident_services",
  {
    incidentId: parentId("incident_id", () => incidents.id),
    serviceId: parentId("service_id", () => services.id),
    impact: text("impact", { enum: ["degraded", "partial_outage", "full_outage"] }).notNull(),
    linkedAt: integer("linked_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.incidentId, t.serviceId] }), index("incident_services_service_idx").on(t.serviceId)],
);
export type IncidentService = typeof incidentServices.$inferSelect;
