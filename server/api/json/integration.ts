import type { IncidentAlerts, IntegrationDeliveryView, IntegrationView } from "@/db/queries/integrations/views";
import { isoOrNull } from "./incident";

/** The public API shapes (`/api/v1/integrations`): ISO times; secrets never, except once on creation/rotation. */
export function toIntegrationJson(view: IntegrationView) {
  return {
    ...view,
    createdAt: new Date(view.createdAt).toISOString(),
    updatedAt: new Date(view.updatedAt).toISOString(),
    lastDelivery: view.lastDelivery ? { ...view.lastDelivery, at: new Date(view.lastDelivery.at).toISOString() } : null,
  };
}

export function toDeliveryJson(delivery: IntegrationDeliveryView) {
  return { ...delivery, receivedAt: isoOrNull(delivery.receivedAt) };
}

export function toIncidentAlertsJson(state: IncidentAlerts) {
  return {
    ...state,
    alerts: state.alerts.map((alert) => ({
      ...alert,
      startsAt: new Date(alert.startsAt).toISOString(),
      endsAt: isoOrNull(alert.endsAt),
      firstSeenAt: new Date(alert.firstSeenAt).toISOString(),
      lastSeenAt: new Date(alert.lastSeenAt).toISOString(),
    })),
  };
}
