import { describe, expect, it } from "vitest";
import { findBlameHints } from "./blameless-hints";

const phrases = (text: string, people: string[] = []) => findBlameHints(text, people).map((h) => h.phrase);

describe("findBlameHints: blaming phrases", () => {
  it.each([
    ["The outage was human error.", "human error"],
    ["Root cause: Human Error", "Human Error"],
    ["It was down to human errors in the runbook", "human errors"],
    ["The on-call engineer should have checked the dashboard", "should have"],
    ["We should've rolled back sooner", "should've"],
    ["We should\u2019ve rolled back sooner", "should\u2019ve"],
    ["The deployer failed to run the migration", "failed to"],
    ["A careless config change", "careless"],
    ["Carelessness in review", "Carelessness"],
    ["This was negligent", "negligent"],
    ["gross negligence by ops", "negligence"],
    ["It was the fault of the release manager", "fault of"],
    ["We do not want to blame anyone, but", "blame"],
    ["Ops was blamed for the delay", "blamed"],
    ["Support dropped the ball on escalation", "dropped the ball"],
    ["Nobody didn't bother to check", "didn't bother"],
    ["They did not bother to page", "did not bother"],
  ])("flags %j", (text, phrase) => {
    expect(phrases(text)).toEqual([phrase]);
  });

  it("gives positions of the phrase in the text and a suggestion", () => {
    const text = "Root cause: human error during deploy.";
    const [hint] = findBlameHints(text);
    expect(hint).toBeDefined();
    expect(text.slice(hint!.start, hint!.end)).toBe("human error");
    expect(hint!.suggestion).toBe("Describe the conditions that made the mistake easy: missing guard rails, unclear UI, time pressure.");
    for (const h of findBlameHints("should have; failed to; careless; blame")) expect(h.suggestion.length).toBeGreaterThan(20);
  });

  it('still flags "should have" inside a quote', () => {
    expect(phrases('The reviewer said "we should have caught this" in the retro.')).toEqual(["should have"]);
    expect(phrases("> Someone should have noticed")).toEqual(["should have"]);
  });

  it("finds several phrases in order", () => {
    expect(phrases("Human error: Sam should have known; he failed to check.")).toEqual(["Human error", "should have", "failed to"]);
  });

  it("matches across a line break inside the phrase", () => {
    expect(phrases("it was human\nerror")).toEqual(["human\nerror"]);
  });
});

describe("findBlameHints: false positives avoided", () => {
  it.each([
    "The API returned an error for 12 minutes",
    "Errors rose to 5% of requests",
    "The database failed over to the replica",
    "A disk failure in rack 4",
    "Failures were retried",
    "The error budget was exhausted",
    "The default behaviour is fault-tolerant",
  ])("does not flag %j", (text) => {
    expect(findBlameHints(text)).toEqual([]);
  });

  it("needs whole words", () => {
    expect(phrases("shouldhave blameless postmortem")).toEqual([]);
    expect(phrases("unfailed to")).toEqual([]);
    expect(phrases("faultoff careless_var")).toEqual([]);
    expect(phrases("humanerror")).toEqual([]);
  });

  it("returns nothing for empty text", () => {
    expect(findBlameHints("")).toEqual([]);
  });
});

describe("findBlameHints: a person named as the cause", () => {
  const people = ["Sam Second", "Riley Responder"];

  it.each([
    ["The outage was caused by Sam.", "caused by Sam"],
    ["caused by Sam Second", "caused by Sam Second"],
    ["Sam caused the outage", "Sam caused"],
    ["It was Sam's mistake", "Sam's mistake"],
    ["It was Sam\u2019s fault", "Sam\u2019s fault"],
    ["Sam broke the build", "Sam broke"],
    ["Riley forgot the flag", "Riley forgot"],
    ["It went down because Sam deployed", "because Sam"],
    ["It went down because of Riley Responder", "because of Riley Responder"],
    ["CAUSED BY SAM", "CAUSED BY SAM"],
  ])("flags %j", (text, phrase) => {
    const hints = findBlameHints(text, people);
    expect(hints.map((h) => h.phrase)).toEqual([phrase]);
    expect(hints[0]!.suggestion).toMatch(/conditions, not the person/);
  });

  it("does not flag names that are not given as a cause", () => {
    expect(phrases("Sam restored service at 14:20 and Riley paged the DB team", people)).toEqual([]);
    expect(phrases("Thanks, Sam, for the quick rollback", people)).toEqual([]);
  });

  it("only flags names of the people given, and whole names", () => {
    expect(phrases("caused by Alex", people)).toEqual([]);
    expect(phrases("caused by Samantha", people)).toEqual([]);
    expect(phrases("caused by Sam", [])).toEqual([]);
  });

  it("escapes names with regex characters", () => {
    expect(phrases("caused by J.R. Smith", ["J.R. Smith"])).toEqual(["caused by J.R. Smith"]);
    expect(phrases("caused by JxR Smith", ["J.R. Smith"])).toEqual([]);
  });

  it("reports overlapping matches once", () => {
    expect(phrases("caused by Sam's mistake", people)).toEqual(["caused by Sam"]);
  });
});
