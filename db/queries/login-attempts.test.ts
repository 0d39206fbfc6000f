import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../testing/test-db";
import { LOGIN_WINDOW_MS, loginLimited, MAX_FAILURES_PER_EMAIL, MAX_FAILURES_PER_IP, recordLoginAttempt } from "./login-attempts";

let t: TestDb;
beforeAll(() => {
  t = createTestDb();
});
afterAll(() => t.cleanup());

const T0 = Date.UTC(2026, 1, 1, 9, 0);

describe("login rate limit", () => {
  it("limits an email after 5 failures", () => {
    expect(MAX_FAILURES_PER_EMAIL).toBe(5);
    for (let n = 0; n < 4; n++) recordLoginAttempt("ana@example.test", "10.0.0.1", false, T0 + n * 1000);
    expect(loginLimited("ana@example.test", "10.0.0.1", T0 + 5000)).toBeNull();
    recordLoginAttempt("ana@example.test", "10.0.0.1", false, T0 + 5000);
    expect(loginLimited("ana@example.test", "10.0.0.1", T0 + 6000)).toBe("email");
    // From any address.
    expect(loginLimited("ana@example.test", "10.9.9.9", T0 + 6000)).toBe("email");
    // Another email from the same address is fine.
    expect(loginLimited("bo@example.test", "10.0.0.1", T0 + 6000)).toBeNull();
  });

  it("lets the limit expire after the 15-minute window", () => {
    // The last failure was at T0 + 5000; the oldest at T0.
    expect(loginLimited("ana@example.test", "10.0.0.1", T0 + LOGIN_WINDOW_MS - 1)).toBe("email");
    expect(loginLimited("ana@example.test", "10.0.0.1", T0 + LOGIN_WINDOW_MS + 1)).toBeNull();
  });

  it("limits an address after 20 failures across emails", () => {
    expect(MAX_FAILURES_PER_IP).toBe(20);
    const start = T0 + 3_600_000;
    for (let n = 0; n < 19; n++) recordLoginAttempt(`user${n}@example.test`, "192.0.2.7", false, start + n);
    expect(loginLimited("new@example.test", "192.0.2.7", start + 100)).toBeNull();
    recordLoginAttempt("user19@example.test", "192.0.2.7", false, start + 19);
    expect(loginLimited("new@example.test", "192.0.2.7", start + 100)).toBe("ip");
    expect(loginLimited("new@example.test", "192.0.2.8", start + 100)).toBeNull();
    expect(loginLimited("new@example.test", "192.0.2.7", start + 19 + LOGIN_WINDOW_MS + 1)).toBeNull();
  });

  it("a success clears that email's failures", () => {
    const start = T0 + 7_200_000;
    for (let n = 0; n < 5; n++) recordLoginAttempt("cy@example.test", "10.0.0.3", false, start + n);
    expect(loginLimited("cy@example.test", "10.0.0.3", start + 10)).toBe("email");
    recordLoginAttempt("cy@example.test", "10.0.0.3", true, start + 20);
    expect(loginLimited("cy@example.test", "10.0.0.3", start + 30)).toBeNull();
  });
});
