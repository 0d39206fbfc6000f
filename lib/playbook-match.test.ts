import { describe, expect, it } from "vitest";
import { hasCondition, playbookMatches } from "./playbook-match";

const pb = (severities: string[], serviceIds: number[], enabled = true) => ({ severities, serviceIds, enabled });

describe("playbookMatches", () => {
  it("severities only: matches those severities on any (or no) service", () => {
    const major = pb(["SEV1", "SEV2"], []);
    expect(playbookMatches(major, { severity: "SEV1", serviceIds: [] })).toBe(true);
    expect(playbookMatches(major, { severity: "SEV2", serviceIds: [7, 8] })).toBe(true);
    expect(playbookMatches(major, { severity: "SEV3", serviceIds: [] })).toBe(false);
    expect(playbookMatches(major, { severity: "SEV4", serviceIds: [7] })).toBe(false);
  });

  it("services only: matches any severity once one of its services is linked", () => {
    const payments = pb([], [3, 4]);
    expect(playbookMatches(payments, { severity: "SEV4", serviceIds: [4] })).toBe(true);
    expect(playbookMatches(payments, { severity: "SEV1", serviceIds: [1, 3] })).toBe(true);
    expect(playbookMatches(payments, { severity: "SEV1", serviceIds: [] })).toBe(false);
    expect(playbookMatches(payments, { severity: "SEV1", serviceIds: [5] })).toBe(false);
  });

  it("both set: severity and service must both match", () => {
    const p = pb(["SEV1"], [3]);
    expect(playbookMatches(p, { severity: "SEV1", serviceIds: [3] })).toBe(true);
    expect(playbookMatches(p, { severity: "SEV2", serviceIds: [3] })).toBe(false);
    expect(playbookMatches(p, { severity: "SEV1", serviceIds: [9] })).toBe(false);
    expect(playbookMatches(p, { severity: "SEV1", serviceIds: [] })).toBe(false);
  });

  it("a disabled playbook never matches", () => {
    expect(playbookMatches(pb(["SEV1"], [], false), { severity: "SEV1", serviceIds: [] })).toBe(false);
    expect(playbookMatches(pb([], [3], false), { severity: "SEV1", serviceIds: [3] })).toBe(false);
  });

  it("a playbook with no condition at all matches nothing", () => {
    expect(hasCondition(pb([], []))).toBe(false);
    for (const severity of ["SEV1", "SEV2", "SEV3", "SEV4"] as const) {
      expect(playbookMatches(pb([], []), { severity, serviceIds: [1, 2, 3] })).toBe(false);
    }
  });

  it("hasCondition is true with either a severity or a service", () => {
    expect(hasCondition(pb(["SEV4"], []))).toBe(true);
    expect(hasCondition(pb([], [1]))).toBe(true);
  });
});
