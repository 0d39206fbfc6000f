import { describe, expect, it } from "vitest";
import type { Incident, TimelineEntry } from "@/db/schema";
import { isoOrNull, toIncidentJson, toIncidentListItemJson, toTimelineEntryJson } from "./incident";

const T0 = Date.UTC(2026, 10, 25, 14, 0, 0);
const min = 60_000;

const incident: Incident = {
  id: 42,
  title: "Checkout errors",
  summary: "5xx on /pay",
  severity: "SEV2",
  status: "resolved",
  private: true,
  drill: false,
  startedAt: T0,
  startedAtSource: "backdated",
  detectedAt: T0 + 5 * min,
  detectedAtSource: "manual",
  declaredAt: T0 + 10 * min,
  acknowledgedAt: T0 + 10 * min,
  acknowledgedAtSource: "status_change",
  mitigatedAt: T0 + 30 * min,
  mitigatedAtSource: "status_change",
  resolvedAt: T0 + 40 * min,
  resolvedAtSource: "status_change",
  closedAt: null,
  closedAtSource: null,
  createdById: 7,
  createdByTokenId: null,
  version: 4,
  updatedAt: T0 + 40 * min,
};

const people = [
  { userId: 7, name: "Riley Responder", email: "riley@example.test", role: "commander" as const },
  { userId: 8, name: "Sam Second", email: "sam@example.test", role: "responder" as const },
  { userId: 9, name: "Ada Admin", email: "ada@example.test", role: "responder" as const },
  { userId: 10, name: "Cy Comms", email: "cy@example.test", role: "communications" as const },
];

describe("toIncidentJson", () => {
  it("lists affected services with their impact, none when there are none", () => {
    expect(toIncidentJson({ ...incident, people }).services).toEqual([]);
    const json = toIncidentJson({ ...incident, people, services: [{ slug: "payments-api", name: "Payments API", impact: "full_outage" }] });
    expect(json.services).toEqual([{ slug: "payments-api", name: "Payments API", impact: "full_outage" }]);
  });

  it("gives the reference, ISO times and where each time came from", () => {
    const json = toIncidentJson({ ...incident, people });
    // These pass through unchanged; the times become ISO strings.
    const { id, title, summary, severity, status, private: isPrivate, drill, version } = incident;
    expect(json).toMatchObject({
      reference: "INC-42",
      id,
      title,
      summary,
      severity,
      status,
      private: isPrivate,
      drill,
      version,
      startedAt: "2026-11-25T14:00:00.000Z",
      detectedAt: "2026-11-25T14:05:00.000Z",
      declaredAt: "2026-11-25T14:10:00.000Z",
      acknowledgedAt: "2026-11-25T14:10:00.000Z",
      mitigatedAt: "2026-11-25T14:30:00.000Z",
      resolvedAt: "2026-11-25T14:40:00.000Z",
      closedAt: null,
      createdAt: "2026-11-25T14:10:00.000Z",
      updatedAt: "2026-11-25T14:40:00.000Z",
    });
    expect(json.timestampSources).toEqual({
      startedAt: "backdated",
      detectedAt: "manual",
      acknowledgedAt: "status_change",
      mitigatedAt: "status_change",
      resolvedAt: "status_change",
      closedAt: null,
    });
  });

  it("names the people by role, without internal ids", () => {
    const json = toIncidentJson({ ...incident, people });
    expect(json.commander).toEqual({ name: "Riley Responder", email: "riley@example.test" });
    expect(json.communications).toEqual({ name: "Cy Comms", email: "cy@example.test" });
    expect(json.scribe).toBeNull();
    expect(json.responders).toEqual([
      { name: "Sam Second", email: "sam@example.test" },
      { name: "Ada Admin", email: "ada@example.test" },
    ]);
  });

  it("leaves out internal columns", () => {
    const json = toIncidentJson({ ...incident, people: [] }) as Record<string, unknown>;
    for (const key of ["createdById", "createdByTokenId", "startedAtSource", "people"]) expect(json).not.toHaveProperty(key);
    expect(json.commander).toBeNull();
    expect(json.responders).toEqual([]);
  });

  it("round-trips through JSON unchanged", () => {
    const json = toIncidentJson({ ...incident, people });
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });
});

describe("toIncidentListItemJson", () => {
  it("has the incident fields and the commander", () => {
    const json = toIncidentListItemJson({ ...incident, commander: { name: "Riley Responder", email: "riley@example.test" } });
    expect(json.reference).toBe("INC-42");
    expect(json.commander).toEqual({ name: "Riley Responder", email: "riley@example.test" });
    expect(toIncidentListItemJson({ ...incident, commander: null }).commander).toBeNull();
  });
});

describe("toTimelineEntryJson", () => {
  const entry: TimelineEntry = {
    id: 3,
    incidentId: 42,
    occurredAt: T0,
    kind: "status",
    body: "Status changed from Investigating to Resolved",
    authorUserId: 7,
    authorTokenId: null,
    authorLabel: "Riley Responder",
    highlighted: true,
    meta: JSON.stringify({ field: "status", from: "investigating", to: "resolved" }),
    createdAt: T0 + min,
  };

  it("gives ISO times, the author's label and parsed meta", () => {
    expect(toTimelineEntryJson(entry)).toEqual({
      id: 3,
      occurredAt: "2026-11-25T14:00:00.000Z",
      kind: "status",
      body: "Status changed from Investigating to Resolved",
      author: "Riley Responder",
      highlighted: true,
      meta: { field: "status", from: "investigating", to: "resolved" },
      createdAt: "2026-11-25T14:01:00.000Z",
    });
  });

  it("returns null meta for notes and for unreadable meta", () => {
    expect(toTimelineEntryJson({ ...entry, meta: null }).meta).toBeNull();
    expect(toTimelineEntryJson({ ...entry, meta: "{not json" }).meta).toBeNull();
  });
});

describe("isoOrNull", () => {
  it("keeps null and undefined as null", () => {
    expect(isoOrNull(null)).toBeNull();
    expect(isoOrNull(undefined)).toBeNull();
    expect(isoOrNull(0)).toBe("1970-01-01T00:00:00.000Z");
  });
});
