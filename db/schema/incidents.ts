import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex, type SQLiteColumn } from "drizzle-orm/sqlite-core";
import { id, parentId, ref, requiredRef, updatedAt, version } from "./columns";
import { apiTokens } from "./tokens";
import { users } from "./users";

const timestampSource = ["status_change", "manual", "alert", "backdated"] as const;

/**
 * 1 while an incident is open, else 0: the incident list shows open ones first. Queries must use
 * this exact expression for SQLite to read `incidents_list_order_idx` in order instead of sorting.
 * (Written without commas: drizzle-kit splits an index expression at its commas.)
 */
export const openRankOf = (status: SQLiteColumn) =>
  sql<number>`(CASE ${status} WHEN 'investigating' THEN 1 WHEN 'identified' THEN 1 WHEN 'monitoring' THEN 1 ELSE 0 END)`;

export const incidents = sqliteTable(
  "incidents",
  {
    // AUTOINCREMENT: ids (and so INC-n references) are never reused.
    id: id(),
    title: text("title").notNull(),
    summary: text("summary").notNull().default(""),
    severity: text("severity", { enum: ["SEV1", "SEV2", "SEV3", "SEV4"] }).notNull(),
    status: text("status", {
      enum: ["investigating", "identified", "monitoring", "resolved", "closed"],
    }).notNull(),
    private: integer("private", { mode: "boolean" }).notNull().default(false),
    drill: integer("drill", { mode: "boolean" }).notNull().default(false),
    startedAt: integer("started_at").notNull(),
    startedAtSource: text("started_at_source", { enum: timestampSource }).notNull(),
    detectedAt: integer("detected_at"),
    detectedAtSource: text("detected_at_source", { enum: timestampSource }),
    declaredAt: integer("declared_at").notNull(),
    acknowledgedAt: integer("acknowledged_at"),
    acknowledgedAtSource: text("acknowledged_at_source", { enum: timestampSource }),
    mitigatedAt: integer("mitigated_at"),
    mitigatedAtSource: text("mitigated_at_source", { enum: timestampSource }),
    resolvedAt: integer("resolved_at"),
    resolvedAtSource: text("resolved_at_source", { enum: timestampSource }),
    closedAt: integer("closed_at"),
    closedAtSource: text("closed_at_source", { enum: timestampSource }),
    createdById: ref("created_by_id", () => users.id),
    createdByTokenId: ref("created_by_token_id", () => apiTokens.id),
    version: version(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("incidents_status_idx").on(t.status, t.declaredAt),
    index("incidents_declared_idx").on(t.declaredAt),
    index("incidents_severity_idx").on(t.severity),
    // Learning figures select incidents by when they started.
    index("incidents_started_idx").on(t.startedAt),
    // Error budgets select incidents whose impact ended (or has not ended) after a window began.
    index("incidents_impact_end_idx").on(sql`coalesce(${t.mitigatedAt}, ${t.resolvedAt}, 9007199254740991)`),
    // The incident list's order (open first, newest first): a page is read, never the whole table sorted.
    index("incidents_list_order_idx").on(openRankOf(t.status), t.declaredAt, t.id),
    // Postmortems required but not started, most recently resolved first (the postmortem list).
    index("incidents_resolved_idx").on(t.resolvedAt),
    // "Has a drill been run?" (first-run checklist) without scanning every incident.
    index("incidents_drill_idx")
      .on(t.id)
      .where(sql`${t.drill} = 1`),
  ],
);
export type Incident = typeof incidents.$inferSelect;

export const incidentRoles = sqliteTable(
  "incident_roles",
  {
    incidentId: parentId("incident_id", () => incidents.id),
    userId: requiredRef("user_id", () => users.id),
    role: text("role", { enum: ["commander", "communications", "scribe", "responder"] }).notNull(),
    assignedAt: integer("assigned_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.incidentId, t.role, t.userId] }),
    index("incident_roles_user_idx").on(t.userId),
    // At most one commander, communications lead and scribe per incident.
    uniqueIndex("incident_roles_lead_unique")
      .on(t.incidentId, t.role)
      .where(sql`role <> 'responder'`),
  ],
);
export type IncidentRole = typeof incidentRoles.$inferSelect;
