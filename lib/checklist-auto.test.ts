import { describe, expect, it } from "vitest";
import { autoCheckReason, autoChecksBecomingTrue, type AutoCheckFacts } from "./checklist-auto";

const none: AutoCheckFacts = { commander: null, commsLead: null, summary: "" };

describe("autoCheckReason", () => {
  it("names who holds the role, or nothing while the role is empty", () => {
    expect(autoCheckReason("commander_assigned", { ...none, commander: "Alice Doe" })).toBe("Alice Doe is incident commander");
    expect(autoCheckReason("commander_assigned", none)).toBeNull();
    expect(autoCheckReason("comms_lead_assigned", { ...none, commsLead: "Sam" })).toBe("Sam is communications lead");
    expect(autoCheckReason("comms_lead_assigned", { ...none, commander: "Sam" })).toBeNull();
  });

  it("counts a summary of only spaces as not written", () => {
    expect(autoCheckReason("summary_written", { ...none, summary: "  \n" })).toBeNull();
    expect(autoCheckReason("summary_written", { ...none, summary: "Checkout down" })).toBe("the summary is written");
  });
});

describe("autoChecksBecomingTrue", () => {
  it("reports only conditions that turned true, so a hand-unticked item is not ticked again by an unrelated change", () => {
    expect(autoChecksBecomingTrue(none, { commander: "A", commsLead: "B", summary: "x" })).toEqual([
      "commander_assigned",
      "comms_lead_assigned",
      "summary_written",
    ]);
    const full = { commander: "A", commsLead: "B", summary: "x" };
    expect(autoChecksBecomingTrue(full, { ...full, summary: "y" })).toEqual([]);
    expect(autoChecksBecomingTrue(full, { ...full, commander: "C" })).toEqual(["commander_assigned"]);
  });

  it("never reports un-assigning or clearing as a trigger", () => {
    const full = { commander: "A", commsLead: "B", summary: "x" };
    expect(autoChecksBecomingTrue(full, none)).toEqual([]);
  });
});
