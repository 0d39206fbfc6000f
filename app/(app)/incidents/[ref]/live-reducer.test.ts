import { describe, expect, it } from "vitest";
import type { IncidentState, LiveEvent, TimelineItem } from "@/db/queries/events/types";
import { lastActivity, lastStakeholderUpdate, liveIncidentReducer, type LiveIncidentState } from "./live-reducer";

const incident = (over: Partial<IncidentState> = {}): IncidentState =>
  ({
    id: 7,
    reference: "INC-7",
    title: "Checkout errors",
    summary: "",
    severity: "SEV2",
    status: "investigating",
    private: false,
    drill: false,
    startedAt: 1_000,
    declaredAt: 1_000,
    updatedAt: 1_000,
    version: 1,
    ...over,
  }) as IncidentState;

const entry = (id: number, occurredAt: number, over: Partial<TimelineItem> = {}): TimelineItem => ({
  id,
  occurredAt,
  createdAt: occurredAt,
  kind: "note",
  body: `entry ${id}`,
  authorLabel: "Ada",
  highlighted: false,
  stakeholderUpdate: false,
  ...over,
});

const start = (): LiveIncidentState => ({
  lastEventId: 10,
  incident: incident(),
  people: [],
  timeline: [entry(1, 1_000), entry(2, 2_000)],
  checklist: [],
  linked: [],
  sloSpend: [],
  postmortem: { started: false, status: null, ownerName: null },
  actionItems: { items: [], progress: { done: 0, total: 0, wontDo: 0 } },
  alerts: { alerts: [], total: 0, firing: 0, allResolved: false },
});

const event = <T extends LiveEvent["type"]>(id: number, type: T, payload: Extract<LiveEvent, { type: T }>["payload"], incidentId = 7) =>
  ({
    type: "event",
    event: { id, type, incidentId, reference: `INC-${incidentId}`, at: 5_000, actor: { label: "Ada", userId: 1, tokenId: null, integrationId: null }, payload },
  }) as const;

describe("liveIncidentReducer", () => {
  it("adds a timeline entry in occurrence order and moves the cursor", () => {
    const next = liveIncidentReducer(start(), event(11, "timeline.entry_added", { entry: entry(3, 1_500) }));
    expect(next.timeline.map((t) => t.id)).toEqual([1, 3, 2]);
    expect(next.lastEventId).toBe(11);
  });

  it("ignores an event it has already applied (a replay after reconnect) and older ones", () => {
    const once = liveIncidentReducer(start(), event(11, "timeline.entry_added", { entry: entry(3, 3_000) }));
    expect(liveIncidentReducer(once, event(11, "timeline.entry_added", { entry: entry(3, 3_000) }))).toBe(once);
    expect(liveIncidentReducer(once, event(9, "roles.changed", { people: [] }))).toBe(once);
  });

  it("does not duplicate an entry that arrives under a second event id", () => {
    const once = liveIncidentReducer(start(), event(11, "timeline.entry_added", { entry: entry(3, 3_000) }));
    const twice = liveIncidentReducer(once, event(12, "timeline.entry_updated", { entry: entry(3, 3_000, { highlighted: true }) }));
    expect(twice.timeline.filter((t) => t.id === 3)).toEqual([entry(3, 3_000, { highlighted: true })]);
  });

  it("ignores events of another incident", () => {
    const state = start();
    expect(liveIncidentReducer(state, event(11, "incident.updated", { changed: ["title"], incident: incident({ id: 8, title: "x" }) }, 8))).toBe(state);
  });

  it("keeps the newer incident state whether our own write's response or the event comes first", () => {
    const saved = incident({ status: "identified", version: 2 });
    const responseFirst = liveIncidentReducer(
      liveIncidentReducer(start(), { type: "incident", incident: saved }),
      event(11, "incident.updated", { changed: ["status"], incident: saved }),
    );
    const eventFirst = liveIncidentReducer(liveIncidentReducer(start(), event(11, "incident.updated", { changed: ["status"], incident: saved })), {
      type: "incident",
      incident: saved,
    });
    expect(responseFirst.incident).toEqual(saved);
    expect(eventFirst.incident).toEqual(saved);
    // A later change by someone else is not undone by our older response arriving late.
    const later = liveIncidentReducer(
      eventFirst,
      event(12, "incident.updated", { changed: ["title"], incident: incident({ status: "identified", title: "New", version: 3 }) }),
    );
    expect(liveIncidentReducer(later, { type: "incident", incident: saved }).incident.title).toBe("New");
  });

  it("replaces roles, checklist, services with spend, and action items with the event's full lists", () => {
    const person = { userId: 2, name: "Grace", email: "g@example.com", role: "commander" as const };
    let state = liveIncidentReducer(start(), event(11, "roles.changed", { people: [person] }));
    state = liveIncidentReducer(state, event(12, "checklist.changed", { items: [{ id: 5, text: "Page on-call", doneAt: 4_000 }] as never }));
    state = liveIncidentReducer(
      state,
      event(13, "services.changed", { linked: [{ slug: "api", name: "API", tier: 1, impact: "degraded" }] as never, sloSpend: [] }),
    );
    state = liveIncidentReducer(
      state,
      event(14, "action_items.changed", { items: [{ id: 1, status: "done" }] as never, progress: { done: 1, total: 1, wontDo: 0 } }),
    );
    expect(state.people).toEqual([person]);
    expect(state.checklist.map((c) => c.doneAt)).toEqual([4_000]);
    expect(state.linked.map((l) => l.slug)).toEqual(["api"]);
    expect(state.actionItems.progress.done).toBe(1);
    expect(state.lastEventId).toBe(14);
  });

  it("marks the postmortem started with its status, and its owner once published", () => {
    const due = { state: "due" as const, dueAt: 9_000 };
    const draft = liveIncidentReducer(start(), event(11, "postmortem.changed", { postmortem: { status: "draft", version: 1, due } }));
    expect(draft.postmortem).toEqual({ started: true, status: "draft", ownerName: null });
    const published = liveIncidentReducer(
      draft,
      event(12, "postmortem.changed", { postmortem: { status: "published", version: 2, updatedAt: 5_000, ownerName: "Ada", due } }),
    );
    expect(published.postmortem).toEqual({ started: true, status: "published", ownerName: "Ada" });
    const back = liveIncidentReducer(published, event(13, "postmortem.changed", { postmortem: { status: "draft", version: 3, due } }));
    expect(back.postmortem).toEqual({ started: true, status: "draft", ownerName: "Ada" });
  });

  it("takes a server snapshot only when it is at least as new as what is shown", () => {
    const ahead = liveIncidentReducer(start(), event(12, "roles.changed", { people: [] }));
    const stale = { ...start(), lastEventId: 11, incident: incident({ title: "stale" }) };
    expect(liveIncidentReducer(ahead, { type: "snapshot", state: stale })).toBe(ahead);
    const fresh = { ...start(), lastEventId: 12, incident: incident({ title: "fresh" }) };
    expect(liveIncidentReducer(ahead, { type: "snapshot", state: fresh }).incident.title).toBe("fresh");
  });

  it("derives the cadence and staleness clocks from the live timeline", () => {
    const state = liveIncidentReducer(start(), event(11, "timeline.entry_added", { entry: entry(3, 6_000, { kind: "status", stakeholderUpdate: false }) }));
    expect(lastStakeholderUpdate(start())).toBe(1_000);
    expect(lastStakeholderUpdate(state)).toBe(6_000);
    expect(lastActivity(state)).toBe(6_000);
  });

  it("replaces the alerts with each alerts.changed payload, in event order", () => {
    const alert = (id: number, status: "firing" | "resolved") =>
      ({ id, status, title: `alert ${id}`, labels: { alertname: "HighLatency" }, annotations: {}, startsAt: 1_000, endsAt: null }) as never;
    const firing = { alerts: [alert(1, "firing"), alert(2, "firing")], total: 2, firing: 2, allResolved: false };
    const resolved = { alerts: [alert(1, "resolved"), alert(2, "resolved")], total: 2, firing: 0, allResolved: true };
    const once = liveIncidentReducer(start(), event(11, "alerts.changed", firing));
    expect(once.alerts).toEqual(firing);
    const twice = liveIncidentReducer(once, event(12, "alerts.changed", resolved));
    expect(twice.alerts.allResolved).toBe(true);
    expect(twice.alerts.firing).toBe(0);
    expect(twice.lastEventId).toBe(12);
    // A replayed older event does not bring the firing list back.
    expect(liveIncidentReducer(twice, event(11, "alerts.changed", firing))).toBe(twice);
    // Another incident's alerts never land here.
    expect(liveIncidentReducer(twice, event(13, "alerts.changed", firing, 8)).alerts).toEqual(resolved);
  });
});
