import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { incidents } from "./incidents";

/**
 * Per-incident facts the learning figures read, derived from the incident, its roles, its
 * service links and its postmortem, and kept current in the transaction of every write that
 * changes them (db/access/incident-facts.ts refreshIncidentFacts). Durations are in ms and
 * null when a timestamp is missing; lists are ascending ids joined by commas ('' for none).
 */
export const incidentFacts = sqliteTable(
  "incident_facts",
  {
    incidentId: integer("incident_id")
      .primaryKey()
      .references(() => incidents.id, { onDelete: "cascade" }),
    startedAt: integer("started_at").notNull(),
    declaredAt: integer("declared_at").notNull(),
    severity: text("severity", { enum: ["SEV1", "SEV2", "SEV3", "SEV4"] }).notNull(),
    drill: integer("drill").notNull(),
    private: integer("private").notNull(),
    detectMs: integer("detect_ms"),
    acknowledgeMs: integer("acknowledge_ms"),
    mitigateMs: integer("mitigate_ms"),
    resolveMs: integer("resolve_ms"),
    /** RECONSTRUCTED_BITS: which figures rest on a typed-in or backdated timestamp. */
    reconstructed: integer("reconstructed").notNull(),
    resolvedAt: integer("resolved_at"),
    /** Mitigated, else resolved: where an incident's impact ends (null while it goes on). */
    impactEndAt: integer("impact_end_at"),
    serviceIds: text("service_ids").notNull(),
    responderIds: text("responder_ids").notNull(),
    factorIds: text("factor_ids").notNull(),
    postmortemStatus: text("postmortem_status", { enum: ["draft", "in_review", "published"] }),
    postmortemPublishedAt: integer("postmortem_published_at"),
  },
  (t) => [
    // Covers every column the figures read, in start order: a report is one range scan.
    index("incident_facts_started_idx").on(
      t.startedAt,
      t.severity,
      t.drill,
      t.private,
      t.declaredAt,
      t.detectMs,
      t.acknowledgeMs,
      t.mitigateMs,
      t.resolveMs,
      t.reconstructed,
      t.resolvedAt,
      t.impactEndAt,
      t.serviceIds,
      t.responderIds,
      t.factorIds,
      t.postmortemStatus,
      t.postmortemPublishedAt,
    ),
    index("incident_facts_private_idx")
      .on(t.incidentId)
      .where(sql`${t.private} = 1`),
  ],
);
export type IncidentFacts = typeof incidentFacts.$inferSelect;
