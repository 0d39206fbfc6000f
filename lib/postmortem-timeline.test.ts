import { describe, expect, it } from "vitest";
import { dayHeading, generateIncidentTimeline, generateTimelineSection } from "./postmortem-timeline";

const at = (iso: string) => Date.parse(iso);
const entry = (iso: string, body: string, authorLabel = "Riley Responder", kind = "note") => ({ occurredAt: at(iso), body, authorLabel, kind });

describe("generateTimelineSection", () => {
  it("lists entries of one day with UTC times, body and author", () => {
    const text = generateTimelineSection([
      entry("2026-11-25T14:02:00Z", "Declared SEV2 incident: Checkout 5xx", "Riley Responder", "status"),
      entry("2026-11-25T14:20:30Z", "Rolled back deploy 4711", "Sam Second"),
    ]);
    expect(text).toBe(
      ["- **14:02 UTC** — Declared SEV2 incident: Checkout 5xx (Riley Responder)", "- **14:20 UTC** — Rolled back deploy 4711 (Sam Second)"].join("\n"),
    );
  });

  it("puts entries in chronological order whatever order they come in", () => {
    const text = generateTimelineSection([entry("2026-11-25T15:00:00Z", "Resolved"), entry("2026-11-25T14:00:00Z", "Declared")]);
    expect(text.indexOf("Declared")).toBeLessThan(text.indexOf("Resolved"));
  });

  it("adds a day heading per day when the entries span days", () => {
    const text = generateTimelineSection([
      entry("2026-11-25T23:50:00Z", "Alert fired", "Hindsight", "alert"),
      entry("2026-11-26T00:10:00Z", "Failed over to the replica"),
      entry("2026-11-26T01:00:00Z", "Resolved", "Sam Second", "status"),
    ]);
    expect(text).toBe(
      [
        "### Wednesday 25 November 2026",
        "",
        "- **23:50 UTC** — Alert fired (Hindsight)",
        "",
        "### Thursday 26 November 2026",
        "",
        "- **00:10 UTC** — Failed over to the replica (Riley Responder)",
        "- **01:00 UTC** — Resolved (Sam Second)",
      ].join("\n"),
    );
  });

  it("keeps a multi-line body on one list item", () => {
    expect(generateTimelineSection([entry("2026-11-25T14:02:00Z", "Line one\n\nline two\r\nline three")])).toBe(
      "- **14:02 UTC** — Line one line two line three (Riley Responder)",
    );
  });

  it("is empty without entries", () => {
    expect(generateTimelineSection([])).toBe("");
  });

  it("day headings name the UTC day", () => {
    expect(dayHeading(at("2026-03-01T00:00:00Z"))).toBe("Sunday 1 March 2026");
  });
});

describe("generateIncidentTimeline", () => {
  const src = (iso: string, kind: string, body: string, highlighted = false, authorLabel = "Riley Responder") => ({
    occurredAt: at(iso),
    kind,
    body,
    highlighted,
    authorLabel,
  });
  const entries = [
    src("2026-11-25T14:02:00Z", "status", "Declared SEV2 incident: Checkout 5xx", true),
    src("2026-11-25T14:05:00Z", "note", "Error rate climbing on checkout-api"),
    src("2026-11-25T14:10:00Z", "note", "Rolled back deploy 4711", true),
    src("2026-11-25T14:12:00Z", "severity", "Severity changed from SEV2 to SEV1"),
    src("2026-11-25T14:15:00Z", "role", "Sam Second is communications lead"),
    src("2026-11-25T14:20:00Z", "status", "Status changed from Investigating to Monitoring"),
    src("2026-11-25T14:40:00Z", "status", "Status changed from Monitoring to Resolved"),
  ];
  const keyTimes = {
    startedAt: at("2026-11-25T13:50:00Z"),
    detectedAt: at("2026-11-25T13:58:00Z"),
    declaredAt: at("2026-11-25T14:02:00Z"),
    acknowledgedAt: at("2026-11-25T14:02:00Z"),
    mitigatedAt: at("2026-11-25T14:20:30Z"),
    resolvedAt: at("2026-11-25T14:40:00Z"),
  };

  it("always has status and severity changes, key times and highlighted entries; plain notes and other kinds stay out", () => {
    expect(generateIncidentTimeline({ entries, keyTimes })).toBe(
      [
        "- **13:50 UTC** — **Impact started**",
        "- **13:58 UTC** — **Detected**",
        "- **14:02 UTC** — **Declared** · **Acknowledged**: Declared SEV2 incident: Checkout 5xx (Riley Responder)",
        "- **14:10 UTC** — Rolled back deploy 4711 (Riley Responder)",
        "- **14:12 UTC** — Severity changed from SEV2 to SEV1 (Riley Responder)",
        "- **14:20 UTC** — **Mitigated**: Status changed from Investigating to Monitoring (Riley Responder)",
        "- **14:40 UTC** — **Resolved**: Status changed from Monitoring to Resolved (Riley Responder)",
      ].join("\n"),
    );
  });

  it("includes every note on request, highlighted ones marked with a star", () => {
    const text = generateIncidentTimeline({ entries, keyTimes, includeAllNotes: true });
    expect(text).toContain("- **14:05 UTC** — Error rate climbing on checkout-api (Riley Responder)");
    expect(text).toContain("- **14:10 UTC** — ★ Rolled back deploy 4711 (Riley Responder)");
    expect(text).not.toContain("communications lead");
  });

  it("keeps a highlighted entry of any kind", () => {
    const text = generateIncidentTimeline({ entries: [{ ...entries[4]!, highlighted: true }], keyTimes: {} });
    expect(text).toBe("- **14:15 UTC** — Sam Second is communications lead (Riley Responder)");
  });

  it("gives a key time without a status change nearby its own line, and skips missing ones", () => {
    expect(generateIncidentTimeline({ entries: [], keyTimes: { startedAt: at("2026-11-25T13:50:00Z"), mitigatedAt: null } })).toBe(
      "- **13:50 UTC** — **Impact started**",
    );
  });
});
