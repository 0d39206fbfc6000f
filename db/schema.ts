import { sql } from "drizzle-orm";
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { AUTO_CHECKS } from "../lib/checklist-auto";

// Times are epoch milliseconds (UTC) in plain integers: easy to compare in SQL and portable to Postgres bigint.

export const users = sqliteTable(
  "users",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash").notNull(),
    role: text("role", { enum: ["viewer", "responder", "admin"] }).notNull(),
    disabled: integer("disabled", { mode: "boolean" }).notNull().default(false),
    // Bumped to end every session of the user (disable, role change, password change elsewhere).
    sessionVersion: integer("session_version").notNull().default(1),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [uniqueIndex("users_email_unique").on(t.email)],
);
export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;

export const apiTokens = sqliteTable(
  "api_tokens",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull(),
    // First characters of the token, shown in lists so people can tell tokens apart.
    prefix: text("prefix").notNull(),
    role: text("role", { enum: ["viewer", "responder", "admin"] }).notNull(),
    createdById: integer("created_by_id").references(() => users.id),
    createdAt: integer("created_at").notNull(),
    lastUsedAt: integer("last_used_at"),
    revokedAt: integer("revoked_at"),
  },
  (t) => [uniqueIndex("api_tokens_hash_unique").on(t.tokenHash)],
);
export type ApiToken = typeof apiTokens.$inferSelect;

const timestampSource = ["status_change", "manual", "alert", "backdated"] as const;

export const incidents = sqliteTable(
  "incidents",
  {
    // AUTOINCREMENT: ids (and so INC-n references) are never reused.
    id: integer("id").primaryKey({ autoIncrement: true }),
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
    createdById: integer("created_by_id").references(() => users.id),
    createdByTokenId: integer("created_by_token_id").references(() => apiTokens.id),
    version: integer("version").notNull().default(1),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    index("incidents_status_idx").on(t.status, t.declaredAt),
    index("incidents_declared_idx").on(t.declaredAt),
    index("incidents_severity_idx").on(t.severity),
    // Learning figures select incidents by when they started.
    index("incidents_started_idx").on(t.startedAt),
    // Error budgets select incidents whose impact ended (or has not ended) after a window began.
    index("incidents_impact_end_idx").on(sql`coalesce(${t.mitigatedAt}, ${t.resolvedAt}, 9007199254740991)`),
  ],
);
export type Incident = typeof incidents.$inferSelect;

export const incidentRoles = sqliteTable(
  "incident_roles",
  {
    incidentId: integer("incident_id")
      .notNull()
      .references(() => incidents.id, { onDelete: "cascade" }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
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

export const timelineEntries = sqliteTable(
  "timeline_entries",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    incidentId: integer("incident_id")
      .notNull()
      .references(() => incidents.id, { onDelete: "cascade" }),
    occurredAt: integer("occurred_at").notNull(),
    kind: text("kind", {
      enum: ["note", "status", "severity", "role", "service", "action_item", "postmortem", "alert", "checklist", "update"],
    }).notNull(),
    body: text("body").notNull(),
    authorUserId: integer("author_user_id").references(() => users.id),
    authorTokenId: integer("author_token_id").references(() => apiTokens.id),
    // Name at the time of writing, so the timeline reads right even after renames.
    authorLabel: text("author_label").notNull(),
    highlighted: integer("highlighted", { mode: "boolean" }).notNull().default(false),
    // JSON: {field, from, to} for automatic entries.
    meta: text("meta"),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("timeline_incident_idx").on(t.incidentId, t.occurredAt)],
);
export type TimelineEntry = typeof timelineEntries.$inferSelect;

export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: integer("at").notNull(),
    actorUserId: integer("actor_user_id"),
    actorTokenId: integer("actor_token_id"),
    actorLabel: text("actor_label").notNull(),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id"),
    before: text("before"),
    after: text("after"),
    ip: text("ip"),
  },
  (t) => [
    index("audit_at_idx").on(t.at),
    index("audit_entity_idx").on(t.entityType, t.entityId),
    index("audit_action_idx").on(t.action),
  ],
);
export type AuditRecord = typeof auditLog.$inferSelect;

export const loginAttempts = sqliteTable(
  "login_attempts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    email: text("email").notNull(),
    ip: text("ip").notNull(),
    at: integer("at").notNull(),
    success: integer("success", { mode: "boolean" }).notNull(),
  },
  (t) => [index("login_attempts_email_idx").on(t.email, t.at), index("login_attempts_ip_idx").on(t.ip, t.at)],
);

export const idempotencyKeys = sqliteTable(
  "idempotency_keys",
  {
    actorKey: text("actor_key").notNull(),
    key: text("key").notNull(),
    incidentId: integer("incident_id")
      .notNull()
      .references(() => incidents.id, { onDelete: "cascade" }),
    createdAt: integer("created_at").notNull(),
    /** SHA-256 of the canonical JSON of the first request's body; null on rows from before it was kept. */
    requestHash: text("request_hash"),
  },
  (t) => [primaryKey({ columns: [t.actorKey, t.key] })],
);

// ── Teams, services, SLOs ───────────────────────────────────────────────────

export const teams = sqliteTable(
  "teams",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    name: text("name").notNull(),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [uniqueIndex("teams_name_unique").on(t.name)],
);
export type Team = typeof teams.$inferSelect;

export const teamMembers = sqliteTable(
  "team_members",
  {
    teamId: integer("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    addedAt: integer("added_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.userId] }), index("team_members_user_idx").on(t.userId)],
);

export const services = sqliteTable(
  "services",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    teamId: integer("team_id").references(() => teams.id, { onDelete: "set null" }),
    tier: integer("tier").notNull(),
    runbookUrl: text("runbook_url"),
    // JSON [{label, url}]
    links: text("links").notNull().default("[]"),
    version: integer("version").notNull().default(1),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [uniqueIndex("services_slug_unique").on(t.slug), index("services_team_idx").on(t.teamId)],
);
export type Service = typeof services.$inferSelect;

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

export const incidentServices = sqliteTable(
  "incident_services",
  {
    incidentId: integer("incident_id")
      .notNull()
      .references(() => incidents.id, { onDelete: "cascade" }),
    serviceId: integer("service_id")
      .notNull()
      .references(() => services.id, { onDelete: "cascade" }),
    impact: text("impact", { enum: ["degraded", "partial_outage", "full_outage"] }).notNull(),
    linkedAt: integer("linked_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.incidentId, t.serviceId] }), index("incident_services_service_idx").on(t.serviceId)],
);
export type IncidentService = typeof incidentServices.$inferSelect;

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

// ── Playbooks and checklists ────────────────────────────────────────────────

export const playbooks = sqliteTable("playbooks", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  name: text("name").notNull(),
  description: text("description").notNull().default(""),
  // JSON array of severities it applies to; empty = any severity (then services decide).
  severities: text("severities").notNull().default("[]"),
  enabled: integer("enabled", { mode: "boolean" }).notNull().default(true),
  version: integer("version").notNull().default(1),
  createdAt: integer("created_at").notNull(),
  updatedAt: integer("updated_at").notNull(),
});
export type Playbook = typeof playbooks.$inferSelect;

export const playbookServices = sqliteTable(
  "playbook_services",
  {
    playbookId: integer("playbook_id")
      .notNull()
      .references(() => playbooks.id, { onDelete: "cascade" }),
    serviceId: integer("service_id")
      .notNull()
      .references(() => services.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.playbookId, t.serviceId] })],
);

export const playbookItems = sqliteTable(
  "playbook_items",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    playbookId: integer("playbook_id")
      .notNull()
      .references(() => playbooks.id, { onDelete: "cascade" }),
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
    incidentId: integer("incident_id")
      .notNull()
      .references(() => incidents.id, { onDelete: "cascade" }),
    playbookId: integer("playbook_id")
      .notNull()
      .references(() => playbooks.id, { onDelete: "cascade" }),
    appliedAt: integer("applied_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.incidentId, t.playbookId] })],
);

export const checklistItems = sqliteTable(
  "checklist_items",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    incidentId: integer("incident_id")
      .notNull()
      .references(() => incidents.id, { onDelete: "cascade" }),
    playbookId: integer("playbook_id").references(() => playbooks.id, { onDelete: "set null" }),
    // Name of the playbook when copied, so the checklist reads right if the playbook changes.
    playbookName: text("playbook_name").notNull(),
    position: integer("position").notNull(),
    text: text("text").notNull(),
    link: text("link"),
    // Copied from the playbook item: ticks itself when this condition becomes true.
    autoCheck: text("auto_check", { enum: AUTO_CHECKS }),
    doneAt: integer("done_at"),
    doneByLabel: text("done_by_label"),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("checklist_items_incident_idx").on(t.incidentId, t.position)],
);
export type ChecklistItem = typeof checklistItems.$inferSelect;

// ── Postmortems and action items ────────────────────────────────────────────

/** Organisation settings, one JSON value per key (e.g. which severities require a postmortem). */
export const settings = sqliteTable("settings", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
  updatedAt: integer("updated_at").notNull(),
});

export const contributingFactors = sqliteTable(
  "contributing_factors",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    archived: integer("archived", { mode: "boolean" }).notNull().default(false),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [uniqueIndex("contributing_factors_name_unique").on(t.name)],
);
export type ContributingFactor = typeof contributingFactors.$inferSelect;

export const postmortems = sqliteTable(
  "postmortems",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    incidentId: integer("incident_id")
      .notNull()
      .references(() => incidents.id, { onDelete: "cascade" }),
    status: text("status", { enum: ["draft", "in_review", "published"] }).notNull(),
    ownerId: integer("owner_id").references(() => users.id),
    // JSON {sectionKey: markdown}
    sections: text("sections").notNull().default("{}"),
    // JSON array of free-text tags
    tags: text("tags").notNull().default("[]"),
    // JSON {checkKey: true} ticked by the reviewer
    reviewChecklist: text("review_checklist").notNull().default("{}"),
    version: integer("version").notNull().default(1),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
    submittedAt: integer("submitted_at"),
    publishedAt: integer("published_at"),
    publishedById: integer("published_by_id").references(() => users.id),
  },
  (t) => [uniqueIndex("postmortems_incident_unique").on(t.incidentId), index("postmortems_status_idx").on(t.status)],
);
export type Postmortem = typeof postmortems.$inferSelect;

export const postmortemFactors = sqliteTable(
  "postmortem_factors",
  {
    postmortemId: integer("postmortem_id")
      .notNull()
      .references(() => postmortems.id, { onDelete: "cascade" }),
    factorId: integer("factor_id")
      .notNull()
      .references(() => contributingFactors.id),
  },
  (t) => [primaryKey({ columns: [t.postmortemId, t.factorId] }), index("postmortem_factors_factor_idx").on(t.factorId)],
);

export const postmortemReviewers = sqliteTable(
  "postmortem_reviewers",
  {
    postmortemId: integer("postmortem_id")
      .notNull()
      .references(() => postmortems.id, { onDelete: "cascade" }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    addedAt: integer("added_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.postmortemId, t.userId] })],
);

export const postmortemComments = sqliteTable(
  "postmortem_comments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    postmortemId: integer("postmortem_id")
      .notNull()
      .references(() => postmortems.id, { onDelete: "cascade" }),
    // Section key, or "review" for a comment sent with a transition.
    section: text("section").notNull(),
    body: text("body").notNull(),
    authorUserId: integer("author_user_id").references(() => users.id),
    authorLabel: text("author_label").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("postmortem_comments_pm_idx").on(t.postmortemId, t.createdAt)],
);
export type PostmortemComment = typeof postmortemComments.$inferSelect;

export const actionItems = sqliteTable(
  "action_items",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    incidentId: integer("incident_id")
      .notNull()
      .references(() => incidents.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    ownerId: integer("owner_id").references(() => users.id),
    // Calendar date "YYYY-MM-DD": due at the end of that day.
    dueDate: text("due_date").notNull(),
    priority: text("priority", { enum: ["P1", "P2", "P3"] }).notNull(),
    kind: text("kind", { enum: ["prevent", "mitigate", "detect", "repair", "process"] }).notNull(),
    status: text("status", { enum: ["open", "in_progress", "done", "wont_do"] }).notNull(),
    trackerUrl: text("tracker_url"),
    serviceId: integer("service_id").references(() => services.id, { onDelete: "set null" }),
    version: integer("version").notNull().default(1),
    createdById: integer("created_by_id").references(() => users.id),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
    // When it became done or won't do; cleared when reopened.
    completedAt: integer("completed_at"),
  },
  (t) => [
    index("action_items_incident_idx").on(t.incidentId),
    index("action_items_owner_idx").on(t.ownerId, t.status),
    index("action_items_due_idx").on(t.status, t.dueDate),
    index("action_items_service_idx").on(t.serviceId),
  ],
);
export type ActionItem = typeof actionItems.$inferSelect;
