// Outgoing webhooks: what can be subscribed to, in which formats, and the views the admin screens read.

export const WEBHOOK_EVENT_TYPES = [
  "incident.declared",
  "incident.status_changed",
  "incident.severity_changed",
  "incident.update_posted",
  "incident.resolved",
  "postmortem.published",
  "action_item.overdue",
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export const WEBHOOK_EVENT_LABELS: Record<WebhookEventType, string> = {
  "incident.declared": "Incident declared",
  "incident.status_changed": "Status changed",
  "incident.severity_changed": "Severity changed",
  "incident.update_posted": "Update posted",
  "incident.resolved": "Incident resolved",
  "postmortem.published": "Postmortem published",
  "action_item.overdue": "Action item overdue",
};

/** The event type of a test delivery (Send test event); not subscribable. */
export const WEBHOOK_TEST_EVENT = "webhook.test";

export const WEBHOOK_FORMATS = ["standard", "slack", "teams"] as const;
export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];

export const WEBHOOK_FORMAT_LABELS: Record<WebhookFormat, string> = {
  standard: "Standard Webhooks (signed JSON)",
  slack: "Slack incoming webhook",
  teams: "Microsoft Teams (Adaptive Card)",
};

/** "failed": gave up after the last retry, or the receiver answered with a 4xx other than 429. */
export const WEBHOOK_DELIVERY_STATUSES = ["pending", "delivering", "delivered", "failed"] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

export type WebhookEndpointStats = {
  /** Deliveries waiting for their (next) attempt or in flight. */
  pending: number;
  failed24h: number;
  delivered24h: number;
  lastAttemptAt: number | null;
  lastStatusCode: number | null;
};

export type WebhookEndpointView = {
  id: number;
  name: string;
  url: string;
  events: WebhookEventType[];
  format: WebhookFormat;
  /** Private incidents are announced to this endpoint too (off by default). */
  includePrivate: boolean;
  enabled: boolean;
  /** Why the endpoint was switched off automatically (or null): shown as a notice with Re-enable. */
  disabledReason: string | null;
  disabledAt: number | null;
  secretHint: string;
  version: number;
  createdAt: number;
  updatedAt: number;
  stats: WebhookEndpointStats;
};

export type WebhookDeliveryView = {
  id: number;
  webhookId: string;
  eventType: WebhookEventType | typeof WEBHOOK_TEST_EVENT;
  incidentReference: string | null;
  status: WebhookDeliveryStatus;
  attempts: number;
  nextAttemptAt: number | null;
  createdAt: number;
  deliveredAt: number | null;
  lastStatusCode: number | null;
  lastDurationMs: number | null;
  lastError: string | null;
};

export type WebhookAttemptView = { attempt: number; at: number; statusCode: number | null; durationMs: number; error: string | null };

export type WebhookDeliveryDetail = WebhookDeliveryView & { body: string; attemptsLog: WebhookAttemptView[] };
