import type { WebhookEventType } from "./event-types";
import { iso, type WebhookActionItem, type WebhookIncident, type WebhookMessage } from "./message";

/** An incident's fields as the event log carries them (IncidentState) or the database holds them. */
export type IncidentFacts = Pick<WebhookIncident, "reference" | "title" | "severity" | "status" | "private" | "drill"> & {
  declaredAt: number;
  resolvedAt: number | null;
};

/** One entry of the durable event log, as the fan-out reads it. */
export type LoggedEvent = { id: number; type: string; at: number; actorLabel: string; payload: unknown };

export type MappingContext = {
  /** The incident as it is now (for events whose payload does not carry it). */
  incident: IncidentFacts;
  commander: string | null;
  /** The public address (NEXTAUTH_URL) without a trailing slash, or null: links are then left out. */
  baseUrl: string | null;
  /** The postmortem's status in the incident's previous postmortem.changed event, if any. */
  previousPostmortemStatus: string | null;
};

/** A notification to queue for each subscribed endpoint; `source` makes its webhook-id unique per endpoint. */
export type Notification = { source: string; type: WebhookEventType; private: boolean; incidentReference: string; message: WebhookMessage };

export const incidentUrl = (baseUrl: string | null, reference: string) => (baseUrl ? `${baseUrl}/incidents/${reference}` : null);

export function webhookIncident(facts: IncidentFacts, ctx: Pick<MappingContext, "commander" | "baseUrl">): WebhookIncident {
  return {
    reference: facts.reference,
    title: facts.title,
    severity: facts.severity,
    status: facts.status,
    private: facts.private,
    drill: facts.drill,
    commander: ctx.commander,
    declaredAt: iso(facts.declaredAt),
    resolvedAt: facts.resolvedAt === null ? null : iso(facts.resolvedAt),
    url: incidentUrl(ctx.baseUrl, facts.reference),
  };
}

type Payload = {
  incident?: IncidentFacts;
  changed?: string[];
  previous?: { status?: string; severity?: string };
  entry?: { body: string; occurredAt: number; authorLabel: string; stakeholderUpdate: boolean };
  postmortem?: { status: string };
};

/**
 * The webhook notifications one event-log entry makes. A status change to resolved makes both
 * `incident.status_changed` and `incident.resolved` (an endpoint subscribes to either or both).
 */
export function notificationsFor(event: LoggedEvent, ctx: MappingContext): Notification[] {
  const payload = (event.payload ?? {}) as Payload;
  const facts = payload.incident ?? ctx.incident;
  const incident = webhookIncident(facts, ctx);
  const timestamp = iso(event.at);
  const by = event.actorLabel;
  const out: Notification[] = [];
  const add = (message: WebhookMessage) =>
    out.push({
      source: `ev${event.id}-${message.type.replace(/[._]/g, "-")}`,
      type: message.type as WebhookEventType,
      private: facts.private,
      incidentReference: facts.reference,
      message,
    });

  if (event.type === "incident.declared") add({ type: "incident.declared", timestamp, data: { incident, declaredBy: by } });
  if (event.type === "incident.updated") {
    const changed = payload.changed ?? [];
    if (changed.includes("status")) {
      add({ type: "incident.status_changed", timestamp, data: { incident, previousStatus: payload.previous?.status ?? null, changedBy: by } });
      if (facts.status === "resolved") add({ type: "incident.resolved", timestamp, data: { incident, resolvedBy: by } });
    }
    if (changed.includes("severity")) {
      add({ type: "incident.severity_changed", timestamp, data: { incident, previousSeverity: payload.previous?.severity ?? null, changedBy: by } });
    }
  }
  if (event.type === "timeline.entry_added" && payload.entry?.stakeholderUpdate) {
    const { entry } = payload;
    add({
      type: "incident.update_posted",
      timestamp,
      data: { incident, update: { body: entry.body, postedAt: iso(entry.occurredAt), author: entry.authorLabel } },
    });
  }
  if (event.type === "postmortem.changed" && payload.postmortem?.status === "published" && ctx.previousPostmortemStatus !== "published") {
    const url = incident.url ? `${incident.url}/postmortem` : null;
    add({ type: "postmortem.published", timestamp, data: { incident, postmortem: { url } } });
  }
  return out;
}

/** The `action_item.overdue` notification for an item past its due date (announced once per item and due date). */
export function overdueNotification(
  item: WebhookActionItem,
  facts: IncidentFacts,
  ctx: Pick<MappingContext, "commander" | "baseUrl">,
  now: number,
): Notification {
  return {
    source: `ai${item.id}-${item.dueDate}`,
    type: "action_item.overdue",
    private: facts.private,
    incidentReference: facts.reference,
    message: { type: "action_item.overdue", timestamp: iso(now), data: { incident: webhookIncident(facts, ctx), actionItem: item } },
  };
}

/** Whether an event-log type can make any webhook notification (the fan-out skips the rest without reading more). */
export const NOTIFYING_EVENT_TYPES = ["incident.declared", "incident.updated", "timeline.entry_added", "postmortem.changed"] as const;
