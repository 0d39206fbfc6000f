import type { IntegrationDeliveryView, IntegrationView } from "@/db/queries/integrations/views";
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
