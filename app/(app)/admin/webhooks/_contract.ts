// TEMPORARY until webhooks-core is merged.
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
export const WEBHOOK_FORMATS = ["standard", "slack", "teams"] as const;
export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];
export type WebhookEndpointView = {
  id: number;
  name: string;
  url: string;
  events: WebhookEventType[];
  format: WebhookFormat;
  includePrivate: boolean;
  enabled: boolean;
  disabledReason: string | null;
  disabledAt: number | null;
  secretHint: string;
  version: number;
  createdAt: number;
  updatedAt: number;
  stats: { pending: number; failed24h: number; delivered24h: number; lastAttemptAt: number | null; lastStatusCode: number | null };
};
export type WebhookDeliveryStatus = "pending" | "delivering" | "delivered" | "failed";
export type WebhookDeliveryView = {
  id: number;
  webhookId: string;
  eventType: WebhookEventType | "webhook.test";
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
