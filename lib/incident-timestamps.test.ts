import { describe, expect, it } from "vitest";
import { FUTURE_TOLERANCE_MS, timestampOrderErrors, type TimestampSet } from "./incident-timestamps";

const NOW = Date.UTC(2026, 4, 10, 12, 0);
const MIN = 60 * 1000;

function times(overrides: Partial<TimestampSet> = {}): TimestampSet {
  return {
    startedAt: NOW - 120 * MIN,
    detectedAt: NOW - 110 * MIN,
    declaredAt: NOW - 100 * MIN,
    acknowledgedAt: NOW - 100 * MIN,
    mitigatedAt: NOW - 60 * MIN,
    resolvedAt: NOW - 30 * MIN,
    closedAt: NOW - 10 * MIN,
    ...overrides,
  };
}

describe("timestampOrderErrors", () => {
  it("accepts a well-ordered incident", () => {
    expect(timestampOrderErrors(times(), NOW)).toEqual({});
  });

  it("accepts missing later timestamps", () => {
    expect(timestampOrderErrors(times({ mitigatedAt: null, resolvedAt: null, closedAt: null }), NOW)).toEqual({});
  });

  it("accepts equal timestamps", () => {
    const t = NOW - MIN;
    expect(timestampOrderErrors(times({ startedAt: t, detectedAt: t, mitigatedAt: t, resolvedAt: t, closedAt: t }), NOW)).toEqual({});
  });

  it("rejects detected before started", () => {
    const errors = timestampOrderErrors(times({ detectedAt: NOW - 130 * MIN }), NOW);
    expect(Object.keys(errors)).toEqual(["detectedAt"]);
    expect(errors.detectedAt).toMatch(/Detected cannot be before impact started/);
  });

  it("rejects mitigated before started", () => {
    const errors = timestampOrderErrors(times({ mitigatedAt: NOW - 130 * MIN }), NOW);
    expect(errors.mitigatedAt).toMatch(/Mitigated cannot be before impact started/);
  });

  it("rejects resolved before started", () => {
    const errors = timestampOrderErrors(times({ mitigatedAt: null, resolvedAt: NOW - 130 * MIN }), NOW);
    expect(errors.resolvedAt).toMatch(/Resolved cannot be before impact started/);
  });

  it("rejects resolved before mitigated", () => {
    const errors = timestampOrderErrors(times({ resolvedAt: NOW - 70 * MIN }), NOW);
    expect(Object.keys(errors)).toEqual(["resolvedAt"]);
    expect(errors.resolvedAt).toMatch(/Resolved cannot be before mitigated/);
  });

  it("rejects closed before resolved", () => {
    const errors = timestampOrderErrors(times({ closedAt: NOW - 40 * MIN }), NOW);
    expect(Object.keys(errors)).toEqual(["closedAt"]);
    expect(errors.closedAt).toMatch(/Closed cannot be before resolved/);
  });

  it("rejects a time beyond the future tolerance", () => {
    const errors = timestampOrderErrors(times({ closedAt: NOW + FUTURE_TOLERANCE_MS + 1 }), NOW);
    expect(errors.closedAt).toMatch(/cannot be in the future/);
  });

  it("reports a future start without a confusing second message on detected", () => {
    const errors = timestampOrderErrors(times({ startedAt: NOW + 2 * FUTURE_TOLERANCE_MS, detectedAt: NOW + 2 * FUTURE_TOLERANCE_MS }), NOW);
    expect(errors.startedAt).toMatch(/future/);
    expect(errors.detectedAt).toMatch(/future/);
  });

  it("accepts a time within the clock-skew tolerance", () => {
    expect(timestampOrderErrors(times({ closedAt: NOW + FUTURE_TOLERANCE_MS }), NOW)).toEqual({});
    expect(timestampOrderErrors(times({ closedAt: NOW + 60 * 1000 }), NOW)).toEqual({});
  });

  it("allows impact to have started long before declaration", () => {
    expect(timestampOrderErrors(times({ startedAt: NOW - 30 * 24 * 60 * MIN }), NOW)).toEqual({});
  });
});
