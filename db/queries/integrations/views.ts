// What the integration queries return (ISSUE13-CONTRACT.md). Types only, so client components can import them.
import type { RoutingRule } from "@/lib/alerts/routing-rules";
import type { IntegrationKind } from "@/lib/validation/integration";

export type { IntegrationKind, RoutingRule };

/** "acknowledged": an Events v2 acknowledge (added to the contract's list). */
export type DeliveryOutcome = "declared" | "attached" | "deduplicated" | "resolved" | "recorded" | "acknowledged" | "mixed" | "rejected" | "empty";

/** What one delivery did; also the 200 body of the intake endpoint. `acknowledged`: Events v2 acknowledgements. */
export type DeliveryResult = { declared: string[]; attached: string[]; deduplicated: number; resolved: number; recorded: number; acknowledged?: number };

export type IntegrationView = {
  id: number;
  name: string;
  kind: IntegrationKind;
  enabled: boolean;
  /** "/api/v1/integrations/3/alertmanager" */
  endpointPath: string;
  secretHint: string;
  hmacConfigured: boolean;
  rules: RoutingRule[];
  version: number;
  createdAt: number;
  updatedAt: number;
  lastDelivery: { at: number; httpStatus: number; outcome: DeliveryOutcome } | null;
};

export type IntegrationDeliveryView = {
  id: number;
  receivedAt: number;
  httpStatus: number;
  outcome: DeliveryOutcome;
  alertCount: number;
  result: DeliveryResult | null;
  error: string | null;
};

export type IncidentAlertView = {
  id: number;
  integrationId: number;
  integrationName: string;
  kind: IntegrationKind;
  dedupKey: string;
  groupKey: string | null;
  status: "firing" | "resolved";
  title: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  startsAt: number;
  endsAt: number | null;
  generatorUrl: string | null;
  dashboardUrl: string | null;
  panelUrl: string | null;
  silenceUrl: string | null;
  firstSeenAt: number;
  lastSeenAt: number;
};

/** An incident's alerts (at most 200: firing first, then newest) and counts over all of them. */
export type IncidentAlerts = { alerts: IncidentAlertView[]; total: number; firing: number; allResolved: boolean };
