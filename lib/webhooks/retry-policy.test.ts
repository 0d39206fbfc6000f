import { describe, expect, it } from "vitest";
import { disableReason, MAX_ATTEMPTS, nextStep, parseRetryAfter, RETRY_AFTER_CAP_MS, RETRY_DELAYS_MS, retryDelay } from "./retry-policy";

const now = Date.parse("2030-01-01T00:00:00Z");
const result = (statusCode: number | null, retryAfterMs: number | null = null) => ({ statusCode, error: statusCode === 200 ? null : "x", retryAfterMs });

describe("webhook retry policy", () => {
  it("spreads 8 attempts over about a day", () => {
    expect(MAX_ATTEMPTS).toBe(8);
    const total = RETRY_DELAYS_MS.reduce((a, b) => a + b, 0);
    expect(total / 3_600_000).toBeGreaterThan(24);
    expect(total / 3_600_000).toBeLessThan(27);
    expect([...RETRY_DELAYS_MS]).toEqual([...RETRY_DELAYS_MS].sort((a, b) => a - b));
  });

  it("retries timeouts, network errors, 5xx and 429; not other answers", () => {
    expect(nextStep(1, result(200), now)).toEqual({ status: "delivered" });
    expect(nextStep(1, result(204), now)).toEqual({ status: "delivered" });
    for (const code of [null, 500, 502, 503, 504, 429]) expect(nextStep(1, result(code), now)).toEqual({ status: "pending", nextAttemptAt: now + 60_000 });
    for (const code of [400, 401, 403, 404, 410, 422, 301]) expect(nextStep(1, result(code), now)).toEqual({ status: "failed" });
    expect(nextStep(1, { ...result(null), permanent: true }, now)).toEqual({ status: "failed" });
    expect(nextStep(MAX_ATTEMPTS, result(503), now)).toEqual({ status: "failed" });
    expect(nextStep(MAX_ATTEMPTS - 1, result(503), now)).toEqual({ status: "pending", nextAttemptAt: now + RETRY_DELAYS_MS.at(-1)! });
  });

  it("scales the schedule, and waits for a longer Retry-After (capped)", () => {
    expect(retryDelay(2, null)).toBe(5 * 60_000);
    expect(retryDelay(2, null, 0.001)).toBe(300);
    expect(retryDelay(1, 2_000, 0.001)).toBe(2_000);
    expect(retryDelay(1, 2_000)).toBe(60_000);
    expect(retryDelay(1, 10 * 86_400_000)).toBe(RETRY_AFTER_CAP_MS);
  });

  it("reads Retry-After as seconds or an HTTP date", () => {
    expect(parseRetryAfter("120", now)).toBe(120_000);
    expect(parseRetryAfter(" 0 ", now)).toBe(0);
    expect(parseRetryAfter(new Date(now + 90_000).toUTCString(), now)).toBe(90_000);
    expect(parseRetryAfter(new Date(now - 90_000).toUTCString(), now)).toBe(0);
    for (const bad of [null, undefined, "", "soon", "-5", "1.5", "12345678901"]) expect(parseRetryAfter(bad, now)).toBeNull();
  });

  it("disables after N failed deliveries in a row or a day of failures", () => {
    expect(disableReason({ consecutiveFailures: 9, failingSince: now - 3_600_000 }, now, { disableAfter: 10 })).toBeNull();
    expect(disableReason({ consecutiveFailures: 10, failingSince: now }, now, { disableAfter: 10 })).toMatch(/after 10 failed deliveries/);
    expect(disableReason({ consecutiveFailures: 1, failingSince: now - 86_400_000 }, now, { disableAfter: 10 })).toMatch(
      /every attempt has failed since 2029-12-31/,
    );
    expect(disableReason({ consecutiveFailures: 1, failingSince: now - 86_400 }, now, { disableAfter: 10, scale: 0.001 })).toMatch(/failed since/);
    expect(disableReason({ consecutiveFailures: 0, failingSince: null }, now, { disableAfter: 1 })).toBeNull();
  });
});
