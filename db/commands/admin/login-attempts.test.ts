import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../../testing/test-db";
import { PAUSE_MS } from "@/server/auth/sign-in-throttle";
import { beginSignInAttempt, finishSignInAttempt } from "./login-attempts";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.cleanup());

const T0 = Date.UTC(2026, 1, 1, 9, 0);

async function fail(email: string, ip: string, at: number) {
  const attempt = await beginSignInAttempt(email, ip, at);
  if (attempt.kind === "allowed") await finishSignInAttempt(attempt.attemptId, false, at);
  return attempt;
}

describe("sign-in attempts", () => {
  it("pauses an (account, address) pair after 5 failures; the account still signs in from elsewhere", async () => {
    for (let n = 0; n < 5; n++) expect((await fail("ana@example.test", "10.0.0.1", T0 + n * 1000)).kind).toBe("allowed");
    expect(await beginSignInAttempt("ana@example.test", "10.0.0.1", T0 + 6000)).toEqual({
      kind: "paused",
      limit: "account_address",
      until: T0 + 4000 + PAUSE_MS,
      failures: 5,
    });
    // The owner from another address: allowed, slowed down by the 5 recent failures.
    const owner = await beginSignInAttempt("ana@example.test", "10.9.9.9", T0 + 7000);
    expect(owner).toMatchObject({ kind: "allowed", delayMs: 1000 });
    // Another account from the paused address is fine too.
    expect(await beginSignInAttempt("bo@example.test", "10.0.0.1", T0 + 7000)).toMatchObject({ kind: "allowed", delayMs: 0 });
  });

  it("records the attempt as a failure before the password is checked", async () => {
    const start = T0 + 3_600_000;
    // Five begun, none finished (the password checks still running): the sixth is refused.
    for (let n = 0; n < 5; n++) expect((await beginSignInAttempt("cy@example.test", "10.0.0.3", start + n)).kind).toBe("allowed");
    expect(await beginSignInAttempt("cy@example.test", "10.0.0.3", start + 10)).toMatchObject({ kind: "paused", limit: "account_address" });
  });

  it("ends the pause 15 minutes after it began", async () => {
    const start = T0 + 7_200_000;
    for (let n = 0; n < 5; n++) await fail("di@example.test", "10.0.0.4", start + n);
    expect((await beginSignInAttempt("di@example.test", "10.0.0.4", start + 4 + PAUSE_MS - 1)).kind).toBe("paused");
    expect((await beginSignInAttempt("di@example.test", "10.0.0.4", start + 4 + PAUSE_MS)).kind).toBe("allowed");
  });

  it("pauses an address after 20 failures across accounts", async () => {
    const start = T0 + 10_800_000;
    for (let n = 0; n < 20; n++) expect((await fail(`user${n}@example.test`, "192.0.2.7", start + n)).kind).toBe("allowed");
    expect(await beginSignInAttempt("new@example.test", "192.0.2.7", start + 100)).toMatchObject({ kind: "paused", limit: "address", failures: 20 });
    expect((await beginSignInAttempt("new@example.test", "192.0.2.8", start + 100)).kind).toBe("allowed");
  });

  it("a success clears that pair's failures, not the account's from other addresses", async () => {
    const start = T0 + 14_400_000;
    for (let n = 0; n < 4; n++) await fail("ed@example.test", "10.0.0.5", start + n);
    for (let n = 0; n < 5; n++) await fail("ed@example.test", "6.6.6.6", start + 10 + n);
    const ok = await beginSignInAttempt("ed@example.test", "10.0.0.5", start + 100);
    if (ok.kind !== "allowed") throw new Error("expected allowed");
    await finishSignInAttempt(ok.attemptId, true, start + 100);
    // The owner's address starts afresh: five more failures before a pause.
    for (let n = 0; n < 4; n++) expect((await fail("ed@example.test", "10.0.0.5", start + 200 + n)).kind).toBe("allowed");
    // The attacker's address stays paused.
    expect((await beginSignInAttempt("ed@example.test", "6.6.6.6", start + 300)).kind).toBe("paused");
  });
});
