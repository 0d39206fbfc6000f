import { describe, expect, it } from "vitest";
import { postmortemDueState, postmortemRequired } from "./postmortem-due";

const utc = (iso: string) => Date.parse(iso);

describe("postmortemRequired", () => {
  it("is required for SEV1 and SEV2 by default", () => {
    expect(postmortemRequired("SEV1", false)).toBe(true);
    expect(postmortemRequired("SEV2", false)).toBe(true);
    expect(postmortemRequired("SEV3", false)).toBe(false);
    expect(postmortemRequired("SEV4", false)).toBe(false);
  });

  it("follows the configured severities", () => {
    expect(postmortemRequired("SEV3", false, ["SEV1", "SEV2", "SEV3"])).toBe(true);
    expect(postmortemRequired("SEV2", false, ["SEV1"])).toBe(false);
  });

  it("is required when the incident exhausted an error budget", () => {
    expect(postmortemRequired("SEV4", false, ["SEV1", "SEV2"], true)).toBe(true);
  });

  it("is never required for a drill", () => {
    expect(postmortemRequired("SEV1", true)).toBe(false);
    expect(postmortemRequired("SEV4", true, ["SEV4"], true)).toBe(false);
  });
});

describe("postmortemDueState", () => {
  const friday = utc("2026-03-06T14:00:00Z");
  const nextFriday = utc("2026-03-13T14:00:00Z");

  it("not required: no deadline", () => {
    expect(postmortemDueState({ required: false, resolvedAt: friday, status: null, now: nextFriday + 1 })).toEqual({ state: "not_required", dueAt: null });
    expect(postmortemDueState({ required: false, resolvedAt: friday, status: "draft", now: friday })).toEqual({ state: "not_required", dueAt: null });
  });

  it("required but not resolved yet: not due", () => {
    expect(postmortemDueState({ required: true, resolvedAt: null, status: null, now: friday })).toEqual({ state: "not_due", dueAt: null });
  });

  it("resolved on a Friday: due, then overdue after the next Friday at the same time", () => {
    const at = (now: number, status: "draft" | null = null) => postmortemDueState({ required: true, resolvedAt: friday, status, now });
    expect(at(friday)).toEqual({ state: "due", dueAt: nextFriday });
    // The weekend and four business days later it is still only due.
    expect(at(utc("2026-03-08T23:00:00Z")).state).toBe("due");
    expect(at(utc("2026-03-12T14:00:00Z")).state).toBe("due");
    expect(at(nextFriday).state).toBe("due");
    expect(at(nextFriday + 1)).toEqual({ state: "overdue", dueAt: nextFriday });
    expect(at(nextFriday + 1, "draft").state).toBe("overdue");
  });

  it("a weekend resolution is due by the Friday after", () => {
    const saturday = utc("2026-03-07T09:00:00Z");
    expect(postmortemDueState({ required: true, resolvedAt: saturday, status: null, now: saturday }).dueAt).toBe(utc("2026-03-13T09:00:00Z"));
  });

  it("uses the organisation's time zone for weekends", () => {
    // Friday 20:00 in New York is Saturday 01:00 UTC: the deadline is Friday 20:00 New York time.
    const resolvedAt = utc("2026-03-07T01:00:00Z");
    const ny = postmortemDueState({ required: true, resolvedAt, status: null, now: resolvedAt, timeZone: "America/New_York" });
    expect(ny.dueAt).toBe(utc("2026-03-14T00:00:00Z")); // Fri 13 March 20:00 EDT
    const inUtc = postmortemDueState({ required: true, resolvedAt, status: null, now: resolvedAt });
    expect(inUtc.dueAt).toBe(utc("2026-03-13T01:00:00Z")); // Saturday start → the next Friday
  });

  it("published wins, and keeps the deadline for on-time figures", () => {
    expect(postmortemDueState({ required: true, resolvedAt: friday, status: "published", now: nextFriday + 10 })).toEqual({
      state: "published",
      dueAt: nextFriday,
    });
    expect(postmortemDueState({ required: false, resolvedAt: friday, status: "published", now: friday })).toEqual({ state: "published", dueAt: null });
  });

  it("in review still counts against the deadline", () => {
    expect(postmortemDueState({ required: true, resolvedAt: friday, status: "in_review", now: nextFriday + 1 }).state).toBe("overdue");
  });
});
