import { describe, expect, it } from "vitest";
import { isActive, isStatus, statusMoveTimestamps, type StatusTimestamps } from "./incident-status";

const NOW = Date.UTC(2026, 4, 10, 12, 0);
const EARLIER = NOW - 60 * 60 * 1000;
const empty: StatusTimestamps = { acknowledgedAt: null, mitigatedAt: null, resolvedAt: null, closedAt: null };

describe("statusMoveTimestamps", () => {
  it("changes nothing when the status stays the same", () => {
    expect(statusMoveTimestamps("monitoring", "monitoring", empty, NOW)).toEqual({});
    expect(statusMoveTimestamps("investigating", "investigating", empty, NOW)).toEqual({});
  });

  it("acknowledges an unacknowledged incident on any move", () => {
    expect(statusMoveTimestamps("investigating", "identified", empty, NOW)).toEqual({
      acknowledgedAt: NOW,
      acknowledgedAtSource: "status_change",
    });
  });

  it("does not touch an existing acknowledgement", () => {
    const patch = statusMoveTimestamps("investigating", "identified", { ...empty, acknowledgedAt: EARLIER }, NOW);
    expect(patch).toEqual({});
  });

  it("moving to monitoring fills mitigatedAt", () => {
    const patch = statusMoveTimestamps("identified", "monitoring", { ...empty, acknowledgedAt: EARLIER }, NOW);
    expect(patch).toEqual({ mitigatedAt: NOW, mitigatedAtSource: "status_change" });
  });

  it("resolved implies mitigated", () => {
    const patch = statusMoveTimestamps("investigating", "resolved", { ...empty, acknowledgedAt: EARLIER }, NOW);
    expect(patch).toEqual({
      mitigatedAt: NOW,
      mitigatedAtSource: "status_change",
      resolvedAt: NOW,
      resolvedAtSource: "status_change",
    });
  });

  it("closed implies resolved and mitigated", () => {
    const patch = statusMoveTimestamps("investigating", "closed", empty, NOW);
    expect(patch).toMatchObject({ acknowledgedAt: NOW, mitigatedAt: NOW, resolvedAt: NOW, closedAt: NOW });
    expect(patch.closedAtSource).toBe("status_change");
    expect(patch.resolvedAtSource).toBe("status_change");
  });

  it("never overwrites a timestamp that is already set when moving forward", () => {
    const current = { acknowledgedAt: EARLIER, mitigatedAt: EARLIER + 1, resolvedAt: null, closedAt: null };
    const patch = statusMoveTimestamps("monitoring", "resolved", current, NOW);
    expect(patch).toEqual({ resolvedAt: NOW, resolvedAtSource: "status_change" });
    expect(patch).not.toHaveProperty("mitigatedAt");
  });

  it("keeps resolvedAt when closing a resolved incident", () => {
    const current = { acknowledgedAt: EARLIER, mitigatedAt: EARLIER, resolvedAt: EARLIER + 5, closedAt: null };
    expect(statusMoveTimestamps("resolved", "closed", current, NOW)).toEqual({ closedAt: NOW, closedAtSource: "status_change" });
  });

  it("reopening a resolved incident clears resolvedAt but keeps mitigatedAt when back to monitoring", () => {
    const current = { acknowledgedAt: EARLIER, mitigatedAt: EARLIER, resolvedAt: EARLIER + 5, closedAt: null };
    expect(statusMoveTimestamps("resolved", "monitoring", current, NOW)).toEqual({ resolvedAt: null, resolvedAtSource: null });
  });

  it("reopening a closed incident clears closedAt and resolvedAt", () => {
    const current = { acknowledgedAt: EARLIER, mitigatedAt: EARLIER, resolvedAt: EARLIER + 5, closedAt: EARLIER + 10 };
    expect(statusMoveTimestamps("closed", "monitoring", current, NOW)).toEqual({
      resolvedAt: null,
      resolvedAtSource: null,
      closedAt: null,
      closedAtSource: null,
    });
  });

  it("back to investigating clears mitigated, resolved and closed (impact resumed)", () => {
    const current = { acknowledgedAt: EARLIER, mitigatedAt: EARLIER, resolvedAt: EARLIER + 5, closedAt: EARLIER + 10 };
    const patch = statusMoveTimestamps("closed", "investigating", current, NOW);
    expect(patch).toEqual({
      mitigatedAt: null,
      mitigatedAtSource: null,
      resolvedAt: null,
      resolvedAtSource: null,
      closedAt: null,
      closedAtSource: null,
    });
    expect(patch).not.toHaveProperty("acknowledgedAt");
  });

  it("back to identified from monitoring clears mitigatedAt", () => {
    const current = { acknowledgedAt: EARLIER, mitigatedAt: EARLIER, resolvedAt: null, closedAt: null };
    expect(statusMoveTimestamps("monitoring", "identified", current, NOW)).toEqual({ mitigatedAt: null, mitigatedAtSource: null });
  });
});

describe("status helpers", () => {
  it("isStatus accepts only known statuses", () => {
    expect(isStatus("resolved")).toBe(true);
    expect(isStatus("Resolved")).toBe(false);
    expect(isStatus("done")).toBe(false);
    expect(isStatus(3)).toBe(false);
  });

  it("isActive is true only before resolution", () => {
    expect(isActive("investigating")).toBe(true);
    expect(isActive("identified")).toBe(true);
    expect(isActive("monitoring")).toBe(true);
    expect(isActive("resolved")).toBe(false);
    expect(isActive("closed")).toBe(false);
  });
});
