import { describe, expect, it } from "vitest";
import { setUpTestDb, thrown, auditsOf } from "../../testing/test-db";
import { PAUSE_MS, THROTTLE_WINDOW_MS } from "@/server/auth/sign-in-throttle";
import { beginSignInAttempt, finishSignInAttempt } from "./login-attempts";
import { clearSignInThrottle } from "./sign-in-throttles";
import { listSignInThrottles } from "../../queries/admin/sign-in-throttles";

const ctx = setUpTestDb();

const T0 = Date.now();
async function fail(email: string, ip: string, at: number) {
  const attempt = await beginSignInAttempt(email, ip, at);
  if (attempt.kind === "allowed") await finishSignInAttempt(attempt.attemptId, false, at);
}

describe("sign-in throttles for admins", () => {
  it("lists active pauses and slowdowns", async () => {
    for (let n = 0; n < 5; n++) await fail("ana@example.test", "203.0.113.1", T0 - 60_000 + n);
    for (let n = 0; n < 20; n++) await fail(`guess${n}@example.test`, "203.0.113.2", T0 - 60_000 + n);
    const items = await listSignInThrottles({ actor: ctx.admin.actor, now: T0 });
    expect(items).toContainEqual({
      kind: "account_address",
      email: "ana@example.test",
      address: "203.0.113.1",
      failures: 5,
      until: T0 - 60_000 + 4 + PAUSE_MS,
    });
    expect(items).toContainEqual({ kind: "address", email: null, address: "203.0.113.2", failures: 20, until: T0 - 60_000 + 19 + PAUSE_MS });
    expect(items).toContainEqual({
      kind: "account",
      email: "ana@example.test",
      address: null,
      failures: 5,
      until: T0 - 60_000 + 2 + THROTTLE_WINDOW_MS,
      delayMs: 1000,
    });
    expect(items.filter((i) => i.email?.startsWith("guess"))).toEqual([]);
  });

  it("viewers may neither list nor clear", async () => {
    expect((await thrown(() => listSignInThrottles({ actor: ctx.viewer.actor }))).status).toBe(403);
    expect((await thrown(() => clearSignInThrottle({ actor: ctx.viewer.actor, target: { email: "ana@example.test", address: null } }))).status).toBe(403);
  });

  it("clearing a pair ends its pause and is audited; clearing nothing is a 404", async () => {
    expect(await clearSignInThrottle({ actor: ctx.admin.actor, target: { email: "ana@example.test", address: "203.0.113.1" } })).toEqual({
      clearedFailures: 5,
    });
    expect((await beginSignInAttempt("ana@example.test", "203.0.113.1")).kind).toBe("allowed");
    const audit = await auditsOf(ctx.t.db, "auth.throttle_cleared");
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorUserId).toBe(ctx.admin.id);
    expect(JSON.parse(audit[0]!.after!)).toEqual({ email: "ana@example.test", address: "203.0.113.1", clearedFailures: 5 });
    expect((await thrown(() => clearSignInThrottle({ actor: ctx.admin.actor, target: { email: "nobody@example.test", address: null } }))).status).toBe(404);
  });

  it("clearing an address ends its pause for every account", async () => {
    expect(await clearSignInThrottle({ actor: ctx.admin.actor, target: { email: null, address: "203.0.113.2" } })).toEqual({ clearedFailures: 20 });
    expect((await listSignInThrottles({ actor: ctx.admin.actor })).filter((i) => i.address === "203.0.113.2")).toEqual([]);
  });
});
