import { describe, expect, it } from "vitest";
import { callAction, failureOf, failureText, offlineResult, OFFLINE_MESSAGE } from "./server-action";

describe("callAction", () => {
  it("passes a result through", async () => {
    expect(await callAction(async () => ({ ok: true as const, data: 3 }))).toEqual({ ok: true, data: 3 });
  });
  it("turns a network failure into an offline result with the given message", async () => {
    const rejected = () => Promise.reject(new TypeError("Failed to fetch"));
    expect(await callAction(rejected)).toEqual({ ok: false, code: "network", message: OFFLINE_MESSAGE });
    expect(await callAction(rejected, "Nothing was saved.")).toEqual(offlineResult("Nothing was saved."));
  });
});

describe("failureOf", () => {
  it("reads field errors, a conflict with the current state, and offline", () => {
    const conflict = failureOf({ ok: false, code: "conflict", message: "Changed", fields: { version: "stale" }, details: { current: { version: 4 } } });
    expect(conflict).toEqual({ code: "conflict", message: "Changed", fields: { version: "stale" }, conflict: true, current: { version: 4 }, offline: false });
    expect(failureOf(offlineResult())).toMatchObject({ offline: true, conflict: false, fields: {} });
  });
  it("gives the first field error as the one-line text, else the message", () => {
    expect(failureText(failureOf({ ok: false, code: "validation", message: "Check", fields: { name: "Required" } }))).toBe("Required");
    expect(failureText(failureOf({ ok: false, code: "forbidden", message: "No" }))).toBe("No");
    expect(failureText(null)).toBeNull();
  });
});
