import type { WebhookIncident, WebhookMessage } from "./message";

/** What a chat message says, whatever the chat: one headline, an optional detail, facts and a link. */
export type MessageSummary = {
  headline: string;
  detail: string | null;
  facts: { title: string; value: string }[];
  link: { label: string; url: string } | null;
};

const STATUS_LABEL: Record<string, string> = {
  investigating: "Investigating",
  identified: "Identified",
  monitoring: "Monitoring",
  resolved: "Resolved",
  closed: "Closed",
};
const statusLabel = (status: string | null) => (status ? (STATUS_LABEL[status] ?? status) : "unknown");

function incidentFacts(incident: WebhookIncident) {
  return [
    { title: "Severity", value: incident.severity },
    { title: "Status", value: statusLabel(incident.status) },
    { title: "Commander", value: incident.commander ?? "Unassigned" },
  ];
}

const name = (incident: WebhookIncident) => `${incident.reference} ${incident.title}${incident.drill ? " (drill)" : ""}`;
const incidentLink = (incident: WebhookIncident) => (incident.url ? { label: `Open ${incident.reference}`, url: incident.url } : null);

/** Chat messages carry text people read; cap long update bodies so a message stays within limits. */
export function clip(text: string, max = 2500): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The summary of an incident event: its facts and link, with this headline and detail. */
const about = (incident: WebhookIncident, headline: string, detail: string | null): MessageSummary => ({
  headline,
  detail,
  facts: incidentFacts(incident),
  link: incidentLink(incident),
});

export function summarize(message: WebhookMessage): MessageSummary {
  switch (message.type) {
    case "incident.declared": {
      const { incident, declaredBy } = message.data;
      return about(incident, `${incident.severity} incident declared: ${name(incident)}`, `Declared by ${declaredBy}`);
    }
    case "incident.status_changed": {
      const { incident, previousStatus, changedBy } = message.data;
      const now = statusLabel(incident.status);
      return about(incident, `${name(incident)} is now ${now}`, `${statusLabel(previousStatus)} → ${now}, by ${changedBy}`);
    }
    case "incident.severity_changed": {
      const { incident, previousSeverity, changedBy } = message.data;
      return about(incident, `${name(incident)} is now ${incident.severity}`, `${previousSeverity ?? "unknown"} → ${incident.severity}, by ${changedBy}`);
    }
    case "incident.resolved": {
      const { incident, resolvedBy } = message.data;
      return about(incident, `Resolved: ${name(incident)}`, `Resolved by ${resolvedBy}`);
    }
    case "incident.update_posted": {
      const { incident, update } = message.data;
      return about(incident, `Update on ${name(incident)}`, `${clip(update.body)}\n— ${update.author}`);
    }
    case "postmortem.published": {
      const { incident, postmortem } = message.data;
      return {
        headline: `Postmortem published: ${name(incident)}`,
        detail: null,
        facts: incidentFacts(incident),
        link: postmortem.url ? { label: "Read the postmortem", url: postmortem.url } : incidentLink(incident),
      };
    }
    case "action_item.overdue": {
      const { incident, actionItem } = message.data;
      return {
        headline: `Action item overdue: ${actionItem.title}`,
        detail: `Due ${actionItem.dueDate}, from ${name(incident)}`,
        facts: [
          { title: "Owner", value: actionItem.owner ?? "Unassigned" },
          { title: "Priority", value: actionItem.priority },
          { title: "Incident", value: incident.reference },
        ],
        link: incidentLink(incident),
      };
    }
    case "webhook.test":
      return {
        headline: "Test notification from Hindsight",
        detail: message.data.message,
        facts: [{ title: "Endpoint", value: message.data.endpoint.name }],
        link: null,
      };
  }
}
