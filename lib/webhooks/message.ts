import type { WebhookEventType } from "./event-types";
import { WEBHOOK_TEST_EVENT } from "./event-types";

/** An incident as every webhook describes it. `url` is null when the public address (NEXTAUTH_URL) is unknown. */
export type WebhookIncident = {
  reference: string;
  title: string;
  severity: string;
  status: string;
  private: boolean;
  drill: boolean;
  commander: string | null;
  declaredAt: string;
  resolvedAt: string | null;
  url: string | null;
};

export type WebhookActionItem = { id: number; title: string; dueDate: string; priority: string; status: string; owner: string | null };

/** The `data` of each event type (the Standard Webhooks body is `{type, timestamp, data}`). */
export type WebhookData = {
  "incident.declared": { incident: WebhookIncident; declaredBy: string };
  "incident.status_changed": { incident: WebhookIncident; previousStatus: string | null; changedBy: string };
  "incident.severity_changed": { incident: WebhookIncident; previousSeverity: string | null; changedBy: string };
  "incident.resolved": { incident: WebhookIncident; resolvedBy: string };
  "incident.update_posted": { incident: WebhookIncident; update: { body: string; postedAt: string; author: string } };
  "postmortem.published": { incident: WebhookIncident; postmortem: { url: string | null } };
  "action_item.overdue": { incident: WebhookIncident; actionItem: WebhookActionItem };
  [WEBHOOK_TEST_EVENT]: { message: string; endpoint: { id: number; name: string } };
};

export type WebhookMessageType = WebhookEventType | typeof WEBHOOK_TEST_EVENT;
export type WebhookMessage = { [T in WebhookMessageType]: { type: T; timestamp: string; data: WebhookData[T] } }[WebhookMessageType];

export const iso = (ms: number) => new Date(ms).toISOString();
