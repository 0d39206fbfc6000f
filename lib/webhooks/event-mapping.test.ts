import { describe, expect, it } from "vitest";
import { notificationsFor, overdueNotification, type IncidentFacts, type MappingContext } from "./event-mapping";

const facts: IncidentFacts = {
  reference: "INC-3",
  title: "DB down",
  severity: "SEV2",
  status: "investigating",
  private: false,
  drill: false,
  declaredAt: 0,
  resolvedAt: null,
};
const ctx: MappingContext = { incident: facts, commander: "Ada", baseUrl: "https://h.example", previousPostmortemStatus: null };
const at = Date.parse("2030-01-01T00:00:00Z");
const event = (type: string, payload: unknown, id = 9) => ({ id, type, at, actorLabel: "Grace", payload });
const types = (type: string, payload: unknown, c: MappingContext = ctx) => notificationsFor(event(type, payload), c).map((n) => n.type);

describe("event log → webhook events", () => {
  it("maps each change to the events it announces", () => {
    expect(types("incident.declared", { incident: facts })).toEqual(["incident.declared"]);
    expect(types("incident.updated", { changed: ["status"], incident: { ...facts, status: "monitoring" } })).toEqual(["incident.status_changed"]);
    expect(types("incident.updated", { changed: ["status", "resolvedAt"], incident: { ...facts, status: "resolved" } })).toEqual([
      "incident.status_changed",
      "incident.resolved",
    ]);
    expect(types("incident.updated", { changed: ["severity", "status"], incident: facts })).toEqual(["incident.status_changed", "incident.severity_changed"]);
    expect(types("incident.updated", { changed: ["summary"], incident: facts })).toEqual([]);
    expect(types("timeline.entry_added", { entry: { body: "x", occurredAt: at, authorLabel: "G", stakeholderUpdate: true } })).toEqual([
      "incident.update_posted",
    ]);
    expect(types("timeline.entry_added", { entry: { body: "x", occurredAt: at, authorLabel: "G", stakeholderUpdate: false } })).toEqual([]);
    expect(types("postmortem.changed", { postmortem: { status: "published" } })).toEqual(["postmortem.published"]);
    expect(types("postmortem.changed", { postmortem: { status: "published" } }, { ...ctx, previousPostmortemStatus: "published" })).toEqual([]);
    expect(types("postmortem.changed", { postmortem: { status: "in_review" } })).toEqual([]);
    for (const other of ["roles.changed", "checklist.changed", "services.changed", "action_items.changed", "alerts.changed"])
      expect(types(other, {})).toEqual([]);
  });

  it("carries the previous status and severity, who did it, and a link", () => {
    const [status, severity] = notificationsFor(
      event("incident.updated", {
        changed: ["status", "severity"],
        incident: { ...facts, status: "identified", severity: "SEV1" },
        previous: { status: "investigating", severity: "SEV2" },
      }),
      ctx,
    );
    expect(status!.message).toEqual({
      type: "incident.status_changed",
      timestamp: "2030-01-01T00:00:00.000Z",
      data: {
        previousStatus: "investigating",
        changedBy: "Grace",
        incident: {
          ...facts,
          status: "identified",
          severity: "SEV1",
          commander: "Ada",
          declaredAt: "1970-01-01T00:00:00.000Z",
          url: "https://h.example/incidents/INC-3",
        },
      },
    });
    expect(severity!.message.data).toMatchObject({ previousSeverity: "SEV2" });
    // Events from before `previous` existed: unknown, not wrong.
    const [old] = notificationsFor(event("incident.updated", { changed: ["status"], incident: facts }), ctx);
    expect(old!.message.data).toMatchObject({ previousStatus: null });
  });

  it("gives each notification of an event its own source, and marks private incidents", () => {
    const notes = notificationsFor(event("incident.updated", { changed: ["status"], incident: { ...facts, status: "resolved", private: true } }, 77), ctx);
    expect(notes.map((n) => n.source)).toEqual(["ev77-incident-status-changed", "ev77-incident-resolved"]);
    expect(notes.every((n) => n.private && n.incidentReference === "INC-3")).toBe(true);
    const overdue = overdueNotification(
      { id: 5, title: "t", dueDate: "2030-01-01", priority: "P2", status: "open", owner: "Ada" },
      facts,
      { commander: null, baseUrl: null },
      at,
    );
    expect(overdue).toMatchObject({ source: "ai5-2030-01-01", type: "action_item.overdue", message: { data: { incident: { url: null, commander: null } } } });
  });
});
