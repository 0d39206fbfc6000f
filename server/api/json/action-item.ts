import type { ActionItem } from "@/db/schema";
import type { ActionItemView } from "@/db/queries/action-items/views";
import { isoOrNull } from "./incident";
import { incidentReference } from "../../../lib/validation/incident";

/** The public API shape (`/api/v1`) of an action item: incident by reference, people and services by name, ISO times. */
export type ActionItemJson = {
  id: number;
  incident: { reference: string; title: string };
  title: string;
  description: string;
  owner: { id: number; name: string; email: string } | null;
  /** Calendar date "YYYY-MM-DD"; due at the end of that day. */
  dueDate: string;
  priority: ActionItem["priority"];
  kind: ActionItem["kind"];
  status: ActionItem["status"];
  overdue: boolean;
  daysOverdue: number;
  trackerUrl: string | null;
  service: { id: number; slug: string; name: string } | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  completedAt: string | null;
};

/** What toActionItemJson reads: the data layer's action item view (the reference it derives itself). */
type ActionItemViewLike = Omit<ActionItemView, "incidentReference">;

export function toActionItemJson(item: ActionItemViewLike): ActionItemJson {
  return {
    id: item.id,
    incident: { reference: incidentReference(item.incidentId), title: item.incidentTitle },
    title: item.title,
    description: item.description,
    owner: item.ownerId !== null && item.ownerName !== null ? { id: item.ownerId, name: item.ownerName, email: item.ownerEmail ?? "" } : null,
    dueDate: item.dueDate,
    priority: item.priority,
    kind: item.kind,
    status: item.status,
    overdue: item.overdue,
    daysOverdue: item.daysOverdue,
    trackerUrl: item.trackerUrl,
    service:
      item.serviceId !== null && item.serviceSlug !== null ? { id: item.serviceId, slug: item.serviceSlug, name: item.serviceName ?? item.serviceSlug } : null,
    version: item.version,
    createdAt: new Date(item.createdAt).toISOString(),
    updatedAt: new Date(item.updatedAt).toISOString(),
    completedAt: isoOrNull(item.completedAt),
  };
}
