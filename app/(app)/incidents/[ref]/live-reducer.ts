import type { IncidentStatus } from "@/lib/incident-status";
import type { LiveEvent } from "@/db/queries/events/types";
import type { ActionItemView, ChecklistItem, IncidentState, IncidentPerson, LinkedService, TimelineItem } from "@/db/queries/events/types";
import type { PostmortemStatus } from "@/lib/postmortem-template";
import type { IncidentSloSpend } from "@/db/queries/incidents/slo-spend";
import type { IncidentAlerts } from "@/db/queries/integrations/views";

/** Everything on the incident page that changes while people work; panels read it, events move it. */
/** What the page knows about the postmortem; whether this person may read a draft is decided when showing it. */
export type LivePostmortemState = { started: boolean; status: PostmortemStatus | null; ownerName: string | null };

export type LiveIncidentState = {
  /** The newest event this state reflects: older or repeated events are ignored, reconnects replay from here. */
  lastEventId: number;
  incident: IncidentState;
  people: IncidentPerson[];
  timeline: TimelineItem[];
  checklist: ChecklistItem[];
  linked: LinkedService[];
  sloSpend: IncidentSloSpend[];
  postmortem: LivePostmortemState;
  actionItems: { items: ActionItemView[]; progress: { done: number; total: number; wontDo: number } };
  /** Alerts from integrations (firing first); `alerts.changed` carries the whole new list. */
  alerts: IncidentAlerts;
};

export type LiveAction =
  | { type: "event"; event: LiveEvent }
  /** Server-rendered data (first render or a router refresh): taken when it is at least as new as what is shown. */
  | { type: "snapshot"; state: LiveIncidentState }
  /** The incident as one of our own writes returned it; the version decides whether it is newer. */
  | { type: "incident"; incident: IncidentState };

// Same order as the timeline query: when it happened, then when it was written.
const byOccurrence = (a: TimelineItem, b: TimelineItem) => a.occurredAt - b.occurredAt || a.id - b.id;

function upsertEntry(timeline: TimelineItem[], entry: TimelineItem): TimelineItem[] {
  const rest = timeline.filter((t) => t.id !== entry.id);
  return [...rest, entry].sort(byOccurrence);
}

function newerIncident(current: IncidentState, next: IncidentState): IncidentState {
  return next.version >= current.version ? next : current;
}

/** Unpublished postmortems come without their owner (not every reader of the incident may see drafts): the one shown stays. */
function postmortemFrom(pm: { status: PostmortemStatus; ownerName?: string | null }, shown: LivePostmortemState): LivePostmortemState {
  return { started: true, status: pm.status, ownerName: pm.ownerName !== undefined ? pm.ownerName : shown.ownerName };
}

function applyEvent(state: LiveIncidentState, event: LiveEvent): LiveIncidentState {
  switch (event.type) {
    case "incident.declared":
    case "incident.updated":
      return { ...state, incident: newerIncident(state.incident, event.payload.incident) };
    case "timeline.entry_added":
    case "timeline.entry_updated":
      return { ...state, timeline: upsertEntry(state.timeline, event.payload.entry) };
    case "roles.changed":
      return { ...state, people: event.payload.people };
    case "checklist.changed":
      return { ...state, checklist: event.payload.items };
    case "services.changed":
      return { ...state, linked: event.payload.linked, sloSpend: event.payload.sloSpend };
    case "slo_spend.changed":
      return { ...state, sloSpend: event.payload.sloSpend };
    case "postmortem.changed":
      return { ...state, postmortem: postmortemFrom(event.payload.postmortem, state.postmortem) };
    case "action_items.changed":
      return { ...state, actionItems: { items: event.payload.items, progress: event.payload.progress } };
    case "alerts.changed":
      return { ...state, alerts: event.payload };
    default:
      return state;
  }
}

export function liveIncidentReducer(state: LiveIncidentState, action: LiveAction): LiveIncidentState {
  switch (action.type) {
    case "event": {
      const { event } = action;
      // Replays after a reconnect overlap what is shown; another incident's events never belong here.
      if (event.id <= state.lastEventId || event.incidentId !== state.incident.id) return state;
      return { ...applyEvent(state, event), lastEventId: event.id };
    }
    case "snapshot":
      return action.state.lastEventId >= state.lastEventId ? action.state : state;
    case "incident":
      return action.incident.id === state.incident.id ? { ...state, incident: newerIncident(state.incident, action.incident) } : state;
  }
}

/** When stakeholders last heard something: the newest status change or update message, else the declaration. */
export function lastStakeholderUpdate(state: LiveIncidentState): number {
  const updates = state.timeline.filter((t) => t.kind === "status" || t.stakeholderUpdate).map((t) => t.createdAt);
  return Math.max(state.incident.declaredAt, ...updates);
}

/** Last timeline activity or incident change: drives the stale marker. */
export function lastActivity(state: LiveIncidentState): number {
  return Math.max(state.incident.updatedAt, ...state.timeline.map((t) => t.createdAt));
}

export const isResolved = (status: IncidentStatus) => status === "resolved" || status === "closed";
