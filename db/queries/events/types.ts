// The live event wire shape (EVENTS-CONTRACT.md): one JSON object per Server-Sent Events message,
// and what the page's reducer receives. Types only, so client components can import it.
import type { Incident, ChecklistItem, TimelineEntry } from "../../schema";
import type { RolePerson } from "../../access/incidents";
import type { LinkedService } from "../../access/linked-services";
import type { IncidentSloSpend } from "../incidents/slo-spend";
import type { ActionItemProgress, ActionItemView } from "../action-items/views";
import type { PostmortemStatus } from "@/lib/postmortem-template";
import type { PostmortemDue } from "@/lib/postmortem-due";

/** The incident's own fields as the page shows them (no people: see `roles.changed`), plus "INC-n". */
export type IncidentState = Omit<Incident, "createdById" | "createdByTokenId"> & { reference: string };

/** A timeline entry as the page's <Timeline> renders it. */
export type TimelineItem = Pick<TimelineEntry, "id" | "occurredAt" | "createdAt" | "kind" | "body" | "authorLabel" | "highlighted"> & {
  /** An update message posted with a status change. */
  stakeholderUpdate: boolean;
};

export type IncidentPerson = RolePerson;
export type { ChecklistItem, LinkedService, IncidentSloSpend, ActionItemView, ActionItemProgress };

/**
 * What the incident page's postmortem card shows to every reader of the incident. Before it is
 * published only that it exists, where it stands and when it is due: a viewer may not read drafts
 * (canReadPostmortem), and the payload is the same for every reader.
 */
export type PostmortemState =
  | { status: "published"; version: number; updatedAt: number; ownerName: string | null; due: PostmortemDue }
  | { status: Exclude<PostmortemStatus, "published">; version: number; due: PostmortemDue };

/** Payload by event type: the new state of what changed, the same for every reader. */
export type EventPayloads = {
  "incident.declared": { incident: IncidentState };
  /** `previous`: the status and severity before the change, when they changed (outgoing webhooks announce "from → to"). */
  "incident.updated": { changed: string[]; incident: IncidentState; previous?: Partial<Pick<IncidentState, "status" | "severity">> };
  "timeline.entry_added": { entry: TimelineItem };
  "timeline.entry_updated": { entry: TimelineItem };
  "roles.changed": { people: IncidentPerson[] };
  "checklist.changed": { items: ChecklistItem[] };
  "services.changed": { linked: LinkedService[]; sloSpend: IncidentSloSpend[] };
  "slo_spend.changed": { sloSpend: IncidentSloSpend[] };
  "postmortem.changed": { postmortem: PostmortemState };
  "action_items.changed": { items: ActionItemView[]; progress: ActionItemProgress };
};

export type EventType = keyof EventPayloads;
export const EVENT_TYPES = [
  "incident.declared",
  "incident.updated",
  "timeline.entry_added",
  "timeline.entry_updated",
  "roles.changed",
  "checklist.changed",
  "services.changed",
  "slo_spend.changed",
  "postmortem.changed",
  "action_items.changed",
] as const satisfies readonly EventType[];

export type EventActor = { label: string; userId: number | null; tokenId: number | null };

/** One event as it goes over the wire (`data:` of an SSE message): a union discriminated on `type`. */
export type LiveEvent = {
  [T in EventType]: { id: number; type: T; incidentId: number; reference: string; at: number; actor: EventActor; payload: EventPayloads[T] };
}[EventType];

/** The argument appendEvent takes: a type and its payload, typed together. */
export type NewEvent = { [T in EventType]: { incidentId: number; type: T; payload: EventPayloads[T] } }[EventType];
