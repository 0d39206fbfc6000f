import { describe, expect, it } from "vitest";
import { firstRunSteps, showFirstRun } from "./first-run";

const none = { servicesWithSlo: 0, activeUsers: 1, activeTokens: 0, drills: 0 };
const doneKeys = (counts: typeof none) =>
  firstRunSteps(counts)
    .filter((s) => s.done)
    .map((s) => s.key);

describe("firstRunSteps", () => {
  it("a brand-new installation (one admin, nothing else) has every step to do, in order", () => {
    expect(firstRunSteps(none).map((s) => [s.key, s.done])).toEqual([
      ["services", false],
      ["people", false],
      ["token", false],
      ["drill", false],
    ]);
  });

  it("ticks each step from the data: a service with an SLO, a second person, a token, a drill", () => {
    expect(doneKeys({ ...none, servicesWithSlo: 1 })).toEqual(["services"]);
    expect(doneKeys({ ...none, activeUsers: 2 })).toEqual(["people"]);
    expect(doneKeys({ ...none, activeTokens: 1 })).toEqual(["token"]);
    expect(doneKeys({ ...none, drills: 1 })).toEqual(["drill"]);
    expect(doneKeys({ servicesWithSlo: 3, activeUsers: 9, activeTokens: 2, drills: 4 })).toEqual(["services", "people", "token", "drill"]);
  });
});

describe("showFirstRun", () => {
  const open = firstRunSteps(none);
  const allDone = firstRunSteps({ servicesWithSlo: 1, activeUsers: 2, activeTokens: 1, drills: 1 });
  it("shows admins the checklist while a step is open", () => {
    expect(showFirstRun({ isAdmin: true, dismissed: false, steps: open })).toBe(true);
    expect(showFirstRun({ isAdmin: true, dismissed: false, steps: firstRunSteps({ ...none, activeUsers: 2, activeTokens: 1, drills: 1 }) })).toBe(true);
  });
  it("hides it once every step is done, or dismissed, and never shows it to others", () => {
    expect(showFirstRun({ isAdmin: true, dismissed: false, steps: allDone })).toBe(false);
    expect(showFirstRun({ isAdmin: true, dismissed: true, steps: open })).toBe(false);
    expect(showFirstRun({ isAdmin: false, dismissed: false, steps: open })).toBe(false);
  });
});
