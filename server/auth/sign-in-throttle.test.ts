import { describe, expect, it } from "vitest";
import {
  ADDRESS_FAILURE_LIMIT,
  decideSignIn,
  PAIR_FAILURE_LIMIT,
  PAUSE_MS,
  pausedMessage,
  pausedUntil,
  slowdownMs,
  slowdownUntil,
  THROTTLE_WINDOW_MS,
} from "./sign-in-throttle";

const T0 = Date.UTC(2026, 1, 1, 9, 0);
const times = (n: number, start = T0, step = 1000) => Array.from({ length: n }, (_, i) => start + i * step);

describe("pausedUntil", () => {
  it("pauses for 15 minutes from the failure that reaches the limit", () => {
    const failures = times(5);
    expect(pausedUntil(times(4), 5, T0 + 10_000)).toBeNull();
    expect(pausedUntil(failures, 5, T0 + 10_000)).toBe(T0 + 4000 + PAUSE_MS);
    expect(pausedUntil(failures, 5, T0 + 4000 + PAUSE_MS - 1)).toBe(T0 + 4000 + PAUSE_MS);
    expect(pausedUntil(failures, 5, T0 + 4000 + PAUSE_MS)).toBeNull();
  });
  it("counts only failures within 15 minutes of each other", () => {
    const spread = times(5, T0, 4 * 60_000); // 16 minutes from first to fifth
    expect(pausedUntil(spread, 5, T0 + 17 * 60_000)).toBeNull();
    expect(pausedUntil(times(5, T0, 3 * 60_000), 5, T0 + 13 * 60_000)).toBe(T0 + 12 * 60_000 + PAUSE_MS);
  });
});

describe("slowdown per account", () => {
  it("is none below 3 failures, then 250 ms doubling up to 4 s", () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8, 50].map(slowdownMs)).toEqual([0, 0, 0, 250, 500, 1000, 2000, 4000, 4000, 4000]);
  });
  it("ends 15 minutes after the third most recent failure", () => {
    expect(slowdownUntil(times(2), T0 + 5000)).toBeNull();
    expect(slowdownUntil(times(4), T0 + 5000)).toBe(T0 + 1000 + THROTTLE_WINDOW_MS);
  });
});

describe("decideSignIn", () => {
  const none: number[] = [];
  it("pauses a pair after 5 failures while another address stays allowed (with a delay)", () => {
    const pair = times(PAIR_FAILURE_LIMIT);
    const now = T0 + 60_000;
    expect(decideSignIn({ pairFailures: pair, addressFailures: pair, accountFailures: pair, now })).toEqual({
      kind: "paused",
      limit: "account_address",
      until: T0 + 4000 + PAUSE_MS,
      failures: 5,
    });
    // The owner from elsewhere: no pair or address failures, only the account's.
    expect(decideSignIn({ pairFailures: none, addressFailures: none, accountFailures: pair, now })).toEqual({ kind: "allowed", delayMs: 1000 });
  });
  it("pauses an address after 20 failures across accounts", () => {
    const address = times(ADDRESS_FAILURE_LIMIT);
    expect(decideSignIn({ pairFailures: none, addressFailures: address.slice(1), accountFailures: none, now: T0 + 60_000 })).toEqual({
      kind: "allowed",
      delayMs: 0,
    });
    expect(decideSignIn({ pairFailures: none, addressFailures: address, accountFailures: none, now: T0 + 60_000 })).toMatchObject({
      kind: "paused",
      limit: "address",
      failures: 20,
    });
  });
  it("slows down, never refuses, an account with many failures from many addresses", () => {
    expect(decideSignIn({ pairFailures: none, addressFailures: none, accountFailures: times(100), now: T0 + 200_000 })).toEqual({
      kind: "allowed",
      delayMs: 4000,
    });
  });
});

describe("pausedMessage", () => {
  it("says which limit and how long", () => {
    expect(pausedMessage("account_address", T0 + PAUSE_MS, T0)).toBe(
      "Too many failed sign-in attempts for this account from your network address. Try again in 15 minutes, sign in from another device, or ask an admin to clear the limit.",
    );
    expect(pausedMessage("address", T0 + 30_000, T0)).toMatch(/^Too many failed sign-in attempts from your network address\. Try again in 1 minute,/);
  });
});
