import { describe, expect, it } from "vitest";
import { publishBlockers, publishCheck, publishErrorFields, postmortemHints } from "./postmortem-publish-gate";

const complete = {
  sections: { summary: "Checkout failed.", impact: "40 min of errors.", timeline: "- **14:02 UTC** — Declared", root_causes: "A config push." },
  factorCount: 1,
  actionItemCount: 1,
  noActionItemsReason: null,
};

describe("publishBlockers", () => {
  it("lets a complete postmortem through", () => {
    expect(publishBlockers(complete)).toEqual([]);
  });

  it("names every missing required section, factors and action items, in document order", () => {
    const blockers = publishBlockers({ sections: {}, factorCount: 0, actionItemCount: 0, noActionItemsReason: null });
    expect(blockers.map((b) => b.field)).toEqual([
      "sections.summary",
      "sections.impact",
      "sections.timeline",
      "sections.root_causes",
      "factorIds",
      "actionItems",
    ]);
    expect(blockers.map((b) => b.anchor)).toEqual(["summary", "impact", "timeline", "root_causes", "factors", "action_items"]);
    expect(blockers[0]!.message).toBe("Write the “Summary” section");
  });

  it("treats whitespace-only text as not written", () => {
    expect(publishBlockers({ ...complete, sections: { ...complete.sections, impact: "  \n\t" } }).map((b) => b.field)).toEqual(["sections.impact"]);
  });

  it("needs a tagged factor even when the root causes text is written", () => {
    expect(publishBlockers({ ...complete, factorCount: 0 }).map((b) => b.field)).toEqual(["factorIds"]);
  });

  it("accepts an explicit no-actions note with a reason instead of tracked action items", () => {
    expect(publishBlockers({ ...complete, actionItemCount: 0, noActionItemsReason: "Fixed during the incident; nothing left." })).toEqual([]);
    expect(publishBlockers({ ...complete, actionItemCount: 0, noActionItemsReason: "   " }).map((b) => b.field)).toEqual(["actionItems"]);
  });

  it("does not count the action items section text alone", () => {
    const sections = { ...complete.sections, action_items: "We will add an alert." };
    expect(publishBlockers({ ...complete, sections, actionItemCount: 0 }).map((b) => b.field)).toEqual(["actionItems"]);
  });
});

describe("publishCheck: blameless hints", () => {
  const hinted = { ...complete, sections: { ...complete.sections, summary: "It was human error.", root_causes: "Sam should have checked." } };

  it("never blocks on hints, but asks for an acknowledgement", () => {
    const check = publishCheck(hinted);
    expect(check.blockers).toEqual([]);
    expect(check.hints.map((h) => [h.section, h.phrase])).toEqual([
      ["summary", "human error"],
      ["root_causes", "should have"],
    ]);
    expect(check.needsHintAcknowledgement).toBe(true);
    expect(publishErrorFields(check)).toEqual({ acknowledgeHints: expect.stringContaining("2 blameless hints") });
  });

  it("is satisfied by acknowledgeHints: true, and needs nothing without hints", () => {
    expect(publishCheck({ ...hinted, acknowledgeHints: true }).needsHintAcknowledgement).toBe(false);
    expect(publishCheck(complete).needsHintAcknowledgement).toBe(false);
  });

  it("finds a responder's name given as the cause", () => {
    expect(postmortemHints({ summary: "Caused by Sam Second." }, ["Sam Second"]).map((h) => h.phrase)).toEqual(["Caused by Sam Second"]);
  });

  it("puts blockers and the hint acknowledgement into API error fields", () => {
    const fields = publishErrorFields(publishCheck({ ...hinted, factorCount: 0 }));
    expect(Object.keys(fields)).toEqual(["factorIds", "acknowledgeHints"]);
  });
});
