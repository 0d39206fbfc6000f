import type { DeliveryOutcome, IntegrationKind } from "@/db/queries/integrations/views";

export const KIND_INFO: Record<IntegrationKind, { label: string; hint: string }> = {
  alertmanager: { label: "Prometheus Alertmanager", hint: "Webhook receiver (payload version 4), Bearer secret in http_config.authorization." },
  grafana: { label: "Grafana", hint: "Webhook contact point, with an optional HMAC signature Hindsight verifies." },
  "events-v2": { label: "Events API v2 (PagerDuty-style)", hint: "Anything that can page PagerDuty: trigger, acknowledge and resolve events." },
};

export const OUTCOME_INFO: Record<DeliveryOutcome, { label: string; tone: "good" | "neutral" | "bad" }> = {
  declared: { label: "Declared", tone: "good" },
  attached: { label: "Attached", tone: "good" },
  deduplicated: { label: "Deduplicated", tone: "neutral" },
  resolved: { label: "Resolved", tone: "good" },
  recorded: { label: "Recorded", tone: "neutral" },
  acknowledged: { label: "Acknowledged", tone: "good" },
  mixed: { label: "Mixed", tone: "good" },
  rejected: { label: "Rejected", tone: "bad" },
  empty: { label: "No alerts", tone: "neutral" },
};
