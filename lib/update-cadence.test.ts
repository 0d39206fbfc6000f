import { describe, expect, it } from "vitest";
import { DEFAULT_UPDATE_CADENCE, isStale, nextUpdateDue, updateCadenceSchema, updateDueText } from "./update-cadence";

const MIN = 60_000;
const T0 = Date.UTC(2026, 11, 3, 12, 0);
const due = (over: Partial<Parameters<typeof nextUpdateDue>[0]> = {}) =>
  nextUpdateDue({ severity: "SEV1", status: "investigating", cadence: DEFAULT_UPDATE_CADENCE, lastUpdateAt: T0, now: T0 + 3 * MIN, ...over });

describe("nextUpdateDue", () => {
  it("counts down from the last update by the severity's interval", () => {
    expect(due()).toEqual({ state: "due", minutes: 12, dueAt: T0 + 15 * MIN });
    expect(updateDueText(due()!)).toBe("Next update due in 12 min");
    expect(due({ severity: "SEV2" })).toMatchObject({ state: "due", minutes: 27 });
  });

  it("rounds the time left up and the lateness down", () => {
    expect(due({ now: T0 + 14 * MIN + 59_000 })).toMatchObject({ state: "due", minutes: 1 });
    expect(due({ now: T0 + 15 * MIN + 30_000 })).toMatchObject({ state: "due", minutes: 0 });
    expect(updateDueText(due({ now: T0 + 15 * MIN + 30_000 })!)).toBe("Next update due now");
    expect(due({ now: T0 + 19 * MIN + 10_000 })).toMatchObject({ state: "overdue", minutes: 4 });
    expect(updateDueText(due({ now: T0 + 19 * MIN })!)).toBe("Update overdue by 4 min");
    expect(updateDueText(due({ now: T0 + 90 * MIN })!)).toBe("Update overdue by 1 h 15 min");
  });

  it("has none for severities without a cadence, or once the incident is no longer active", () => {
    expect(due({ severity: "SEV3" })).toBeNull();
    expect(due({ severity: "SEV4" })).toBeNull();
    expect(due({ status: "monitoring" })).not.toBeNull();
    expect(due({ status: "resolved" })).toBeNull();
    expect(due({ status: "closed" })).toBeNull();
  });

  it("follows a configured cadence", () => {
    const cadence = { SEV1: 5, SEV2: null, SEV3: 60, SEV4: null };
    expect(due({ cadence })).toMatchObject({ state: "due", minutes: 2 });
    expect(due({ cadence, now: T0 + 7 * MIN })).toMatchObject({ state: "overdue", minutes: 2 });
    expect(due({ cadence, now: T0 + 2 * MIN })).toMatchObject({ state: "due", minutes: 3 });
    expect(due({ cadence, severity: "SEV2" })).toBeNull();
    expect(due({ cadence, severity: "SEV3" })).toMatchObject({ state: "due", minutes: 57 });
  });
});

describe("updateCadenceSchema", () => {
  it("accepts minutes or null for every severity", () => {
    expect(updateCadenceSchema.parse({ SEV1: 10, SEV2: 30, SEV3: null, SEV4: 240 })).toEqual({ SEV1: 10, SEV2: 30, SEV3: null, SEV4: 240 });
  });
  it("names the field that is wrong", () => {
    const result = updateCadenceSchema.safeParse({ SEV1: 0, SEV2: 1.5, SEV3: "x", SEV4: 2000 });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(["SEV1", "SEV2", "SEV3", "SEV4"]);
    expect(updateCadenceSchema.safeParse({ SEV1: 10, SEV2: 30, SEV3: null }).success).toBe(false);
    expect(updateCadenceSchema.safeParse({ SEV1: 10, SEV2: 30, SEV3: null, SEV4: null, SEV5: 1 }).success).toBe(false);
  });
});

describe("isStale", () => {
  it("marks an active incident with no activity for more than 30 minutes", () => {
    expect(isStale({ status: "investigating", lastActivityAt: T0, now: T0 + 30 * MIN })).toBe(false);
    expect(isStale({ status: "investigating", lastActivityAt: T0, now: T0 + 31 * MIN })).toBe(true);
    expect(isStale({ status: "resolved", lastActivityAt: T0, now: T0 + 90 * MIN })).toBe(false);
  });
});
