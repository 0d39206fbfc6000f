import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt, id, parentId, ref, updatedAt, version } from "./columns";
import { incidents } from "./incidents";
import { users } from "./users";
import { DELIVERY_OUTCOMES } from "../../lib/alerts/delivery-outcome";
import { INTEGRATION_KIND_VALUES as INTEGRATION_KINDS } from "../../lib/validation/integration";

/** An alert source (DESIGN.md "Alert intake"): its own endpoint, secret and ordered routing rules. */
export const integrations = sqliteTable(
  "integrations",
  {
    id: id(),
    name: text("name").notNull(),
    kind: text("kind", { enum: INTEGRATION_KINDS }).notNull(),
    // SHA-256 of the secret: the secret itself is shown once, on creation or rotation.
    secretHash: text("secret_hash").notNull(),
    // Last 4 characters, so admins can tell which secret a sender holds.
    secretHint: text("secret_hint").notNull(),
    // Grafana signs with a shared secret we must recompute the HMAC with, so it is kept as given.
    hmacSecret: text("hmac_secret"),
    // JSON: RoutingRule[] (lib/alerts/routing-rules.ts), evaluated in order.
    rules: text("rules").notNull(),
    enabled: integer("enabled", { mode: "boolean" }).notNull().default(true),
    createdById: ref("created_by_id", () => users.id, "set null"),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("integrations_secret_hash_unique").on(t.secretHash)],
);
export type Integration = typeof integrations.$inferSelect;

/**
 * One row per alert occurrence: an alert (fingerprint / dedup_key) from when it fires until it
 * resolves. Repeats update the row; firing again after resolving starts a new row.
 */
export const alerts = sqliteTable(
  "alerts",
  {
    id: id(),
    integrationId: parentId("integration_id", () => integrations.id),
    dedupKey: text("dedup_key").notNull(),
    groupKey: text("group_key"),
    incidentId: ref("incident_id", () => incidents.id, "set null"),
    status: text("status", { enum: ["firing", "resolved"] }).notNull(),
    // The routing rule's action when the alert first fired.
    action: text("action", { enum: ["declare", "attach", "record"] }).notNull(),
    severity: text("severity", { enum: ["SEV1", "SEV2", "SEV3", "SEV4"] }).notNull(),
    title: text("title").notNull(),
    // JSON objects of strings.
    labels: text("labels").notNull(),
    annotations: text("annotations").notNull(),
    startsAt: integer("starts_at").notNull(),
    endsAt: integer("ends_at"),
    acknowledgedAt: integer("acknowledged_at"),
    generatorUrl: text("generator_url"),
    dashboardUrl: text("dashboard_url"),
    panelUrl: text("panel_url"),
    silenceUrl: text("silence_url"),
    // JSON: Grafana's per-alert values, or null.
    values: text("values"),
    firstSeenAt: integer("first_seen_at").notNull(),
    lastSeenAt: integer("last_seen_at").notNull(),
  },
  (t) => [
    // At most one firing occurrence per alert: a repeat finds it, a concurrent duplicate cannot insert.
    uniqueIndex("alerts_firing_unique")
      .on(t.integrationId, t.dedupKey)
      .where(sql`status = 'firing'`),
    index("alerts_dedup_idx").on(t.integrationId, t.dedupKey, t.id),
    index("alerts_group_idx").on(t.integrationId, t.groupKey, t.id),
    index("alerts_incident_idx").on(t.incidentId, t.status),
  ],
);
export type AlertRow = typeof alerts.$inferSelect;

/** What each request to an integration's endpoint got: the last 50 per integration are kept. */
export const integrationDeliveries = sqliteTable(
  "integration_deliveries",
  {
    id: id(),
    integrationId: parentId("integration_id", () => integrations.id),
    receivedAt: integer("received_at").notNull(),
    httpStatus: integer("http_status").notNull(),
    outcome: text("outcome", { enum: DELIVERY_OUTCOMES }).notNull(),
    alertCount: integer("alert_count").notNull().default(0),
    // JSON: {declared, attached, deduplicated, resolved, recorded}, or null when rejected.
    result: text("result"),
    error: text("error"),
    // The request body as received, cut at PAYLOAD_CAP characters.
    payload: text("payload").notNull(),
    payloadTruncated: integer("payload_truncated", { mode: "boolean" }).notNull().default(false),
  },
  (t) => [index("integration_deliveries_idx").on(t.integrationId, t.id)],
);
export type IntegrationDelivery = typeof integrationDeliveries.$inferSelect;
