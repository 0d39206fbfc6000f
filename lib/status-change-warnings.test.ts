import { describe, expect, it } from "vitest";
import { openItemsBeforeResolve } from "./status-change-warnings";

describe("openItemsBeforeResolve", () => {
  it("lists unchecked checklist items, a missing summary, commander and mitigated time", () => {
    const open = openItemsBeforeResolve({
      checklist: [
        { title: "Assign an incident commander", done: true },
        { title: "Post a status page update", done: false },
        { title: "Page the database on-call", done: false },
      ],
      summary: "  ",
      hasCommander: false,
      mitigatedAt: null,
    });
    expect(open.uncheckedChecklist).toEqual(["Post a status page update", "Page the database on-call"]);
    expect(open.other).toHaveLength(3);
    expect(open.other[0]).toBe("No summary written");
    expect(open.other[1]).toBe("No incident commander assigned");
    expect(open.other[2]).toMatch(/^No mitigated time/);
  });

  it("is empty when everything is done", () => {
    expect(openItemsBeforeResolve({ checklist: [{ title: "x", done: true }], summary: "DB failover", hasCommander: true, mitigatedAt: 1 })).toEqual({
      uncheckedChecklist: [],
      other: [],
    });
  });
});
