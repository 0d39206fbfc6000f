import { describe, expect, it } from "vitest";
import { actionItemsSectionContent } from "./postmortem-action-items";

const item = (title: string, status: string, priority: string, dueDate: string) => ({ title, status, priority, dueDate });

describe("actionItemsSectionContent", () => {
  it("counts a tracked item as written when the section text is empty", () => {
    const content = actionItemsSectionContent({ text: "", items: [item("Canary deploys", "open", "P2", "2027-01-10")], noActionItemsReason: null });
    expect(content).toMatchObject({ text: "", written: true, closed: 0, noActionItemsReason: null });
    expect(content.items.map((i) => i.title)).toEqual(["Canary deploys"]);
  });

  it("orders unfinished items first, then by priority and due date", () => {
    const content = actionItemsSectionContent({
      text: "Summary",
      items: [
        item("done P1", "done", "P1", "2027-01-01"),
        item("open P2", "open", "P2", "2027-01-01"),
        item("open P1 late", "open", "P1", "2027-02-01"),
        item("open P1", "in_progress", "P1", "2027-01-15"),
      ],
      noActionItemsReason: null,
    });
    expect(content.items.map((i) => i.title)).toEqual(["open P1", "open P1 late", "open P2", "done P1"]);
    expect(content.closed).toBe(1);
  });

  it("shows the no-actions note only when nothing is tracked", () => {
    expect(actionItemsSectionContent({ text: "", items: [], noActionItemsReason: " Fixed during the incident. " })).toMatchObject({
      noActionItemsReason: "Fixed during the incident.",
      written: true,
    });
    expect(
      actionItemsSectionContent({ text: "", items: [item("x", "open", "P1", "2027-01-01")], noActionItemsReason: "Nothing" }).noActionItemsReason,
    ).toBeNull();
  });

  it("is not written with no text, no items and no note", () => {
    expect(actionItemsSectionContent({ text: "  ", items: [], noActionItemsReason: "" }).written).toBe(false);
  });
});
