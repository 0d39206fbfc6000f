import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { WEBHOOK_DELIVERY_STATUSES, WEBHOOK_FORMATS } from "../../lib/webhooks/event-types";
import { actionItems } from "./action-items";
import { createdAt, id, parentId, ref, updatedAt, version } from "./columns";
import { users } from "./users";

/** Where outgoing notifications go (Admin → Webhooks). */
export const webhookEndpoints = sqliteTable("webhook_endpoints", {
  id: id(),
  name: text("name").notNull(),
  url: text("url").notNull(),
  // JSON list of WebhookEventType.
  events: text("events").notNull(),
  format: text("format", { enum: WEBHOOK_FORMATS }).notNull(),
  // Standard Webhooks signing secret ("whsec_" + base64). Stored in clear: signing needs it.
  secret: text("secret").notNull(),
  secretHint: text("secret_hint").notNull(),
  // Private incidents are announced only to endpoints that opt in.
  includePrivate: integer("include_private", { mode: "boolean" }).notNull().default(false),
  enabled: integer("enabled", { mode: "boolean" }).notNull().default(true),
  disabledReason: text("disabled_reason"),
  disabledAt: integer("disabled_at"),
  // Deliveries that failed in a row (reset by a success); the worker disables the endpoint past a limit.
  consecutiveFailures: integer("consecutive_failures").notNull().default(0),
  // When the current run of failures began (null while healthy).
  failingSince: integer("failing_since"),
  version: version(),
  createdById: ref("created_by_id", () => users.id, "set null"),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});
export type WebhookEndpoint = typeof webhookEndpoints.$inferSelect;

/**
 * One notification to one endpoint. `webhookId` is unique and stable (the `webhook-id` header
 * receivers deduplicate on); `body` is fixed when the delivery is created, so every retry sends the
 * same bytes. A worker claims a row by setting status "delivering" and `claimedUntil`; a claim whose
 * lease ran out (the process died mid-request) is taken again.
 */
export const webhookDeliveries = sqliteTable(
  "webhook_deliveries",
  {
    id: id(),
    endpointId: parentId("endpoint_id", () => webhookEndpoints.id),
    webhookId: text("webhook_id").notNull(),
    eventType: text("event_type").notNull(),
    // The event log entry it came from (none for action_item.overdue and test deliveries).
    eventId: integer("event_id"),
    // No foreign key: the log of what was sent outlives the incident.
    incidentId: integer("incident_id"),
    incidentReference: text("incident_reference"),
    body: text("body").notNull(),
    status: text("status", { enum: WEBHOOK_DELIVERY_STATUSES }).notNull(),
    // Queued by an admin (test event, redeliver): sent even while the endpoint is disabled.
    manual: integer("manual", { mode: "boolean" }).notNull().default(false),
    attempts: integer("attempts").notNull().default(0),
    // Attempts made before the current retry schedule began (a redelivery starts a fresh one).
    scheduleStart: integer("schedule_start").notNull().default(0),
    nextAttemptAt: integer("next_attempt_at"),
    claimedUntil: integer("claimed_until"),
    createdAt: createdAt(),
    deliveredAt: integer("delivered_at"),
    lastAttemptAt: integer("last_attempt_at"),
    lastStatusCode: integer("last_status_code"),
    lastDurationMs: integer("last_duration_ms"),
    lastError: text("last_error"),
  },
  (t) => [
    uniqueIndex("webhook_deliveries_webhook_id_unique").on(t.webhookId),
    index("webhook_deliveries_endpoint_idx").on(t.endpointId, t.id),
    // What the worker reads: due pending rows, and claims whose lease ran out.
    index("webhook_deliveries_due_idx")
      .on(t.status, t.nextAttemptAt)
      .where(sql`${t.status} IN ('pending', 'delivering')`),
  ],
);
export type WebhookDelivery = typeof webhookDeliveries.$inferSelect;

/** Every request made for a delivery: when, the response code, how long it took, what went wrong. */
export const webhookAttempts = sqliteTable(
  "webhook_attempts",
  {
    id: id(),
    deliveryId: parentId("delivery_id", () => webhookDeliveries.id),
    attempt: integer("attempt").notNull(),
    at: integer("at").notNull(),
    statusCode: integer("status_code"),
    durationMs: integer("duration_ms").notNull(),
    error: text("error"),
  },
  (t) => [index("webhook_attempts_delivery_idx").on(t.deliveryId, t.attempt)],
);

/** How far the fan-out has read the event log (one row, id 1). */
export const webhookFanoutCursor = sqliteTable("webhook_fanout_cursor", {
  id: integer("id").primaryKey(),
  lastEventId: integer("last_event_id").notNull(),
  updatedAt: updatedAt(),
});

/** An action item announced as overdue for a due date: once per item and due date, even across restarts. */
export const actionItemOverdueNotices = sqliteTable(
  "action_item_overdue_notices",
  {
    id: id(),
    actionItemId: parentId("action_item_id", () => actionItems.id),
    dueDate: text("due_date").notNull(),
    at: integer("at").notNull(),
  },
  (t) => [uniqueIndex("action_item_overdue_notices_unique").on(t.actionItemId, t.dueDate)],
);
