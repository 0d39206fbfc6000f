import { describe, expect, it } from "vitest";
import { dayHeading, generateTimelineSection } from "./postmortem-timeline";

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
