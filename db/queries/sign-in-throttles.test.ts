import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { createTestDb, thrown, type TestDb, type TestUser } from "../testing/test-db";
import { auditLog } from "../schema";
import { PAUSE_MS, THROTTLE_WINDOW_MS } from "@/server/auth/sign-in-throttle";
import { beginSignInAttempt, finishSignInAttempt } from "./login-attempts";
import { clearSignInThrottle, listSignInThrottles } from "./sign-in-throttles";

let t: TestDb;
let admin: TestUser;
let viewer: TestUser;
beforeAll(async () => {
  t = createTestDb();
  admin = await t.createUser("admin");
  viewer = await t.createUser("viewer");
});
afterAll(() => t.cleanup());

const T0 = Date.now();
function fail(email: string, ip: string, at: number) {
  const attempt = beginSignInAttempt(email, ip, at);
  if (attempt.kind === "allowed") finishSignInAttempt(attempt.attemptId, false, at);
}

describe("sign-in throttles for admins", () => {
  it("lists active pauses and slowdowns", () => {
    for (let n = 0; n < 5; n++) fail("ana@example.test", "203.0.113.1", T0 - 60_000 + n);
    for (let n = 0; n < 20; n++) fail(`guess${n}@example.test`, "203.0.113.2", T0 - 60_000 + n);
    const items = listSignInThrottles({ actor: admin.actor, now: T0 });
    expect(items).toContainEqual({ kind: "account_address", email: "ana@example.test", address: "203.0.113.1", failures: 5, until: T0 - 60_000 + 4 + PAUSE_MS });
    expect(items).toContainEqual({ kind: "address", email: null, address: "203.0.113.2", failures: 20, until: T0 - 60_000 + 19 + PAUSE_MS });
    expect(items).toContainEqual({ kind: "account", email: "ana@example.test", address: null, failures: 5, until: T0 - 60_000 + 2 + THROTTLE_WINDOW_MS, delayMs: 1000 });
    expect(items.filter((i) => i.email?.startsWith("guess"))).toEqual([]);
  });

  it("viewers may neither list nor clear", () => {
    expect(thrown(() => listSignInThrottles({ actor: viewer.actor })).status).toBe(403);
    expect(thrown(() => clearSignInThrottle({ actor: viewer.actor, target: { email: "ana@example.test", address: null } })).status).toBe(403);
  });

  it("clearing a pair ends its pause and is audited; clearing nothing is a 404", () => {
    expect(clearSignInThrottle({ actor: admin.actor, target: { email: "ana@example.test", address: "203.0.113.1" } })).toEqual({ clearedFailures: 5 });
    expect(beginSignInAttempt("ana@example.test", "203.0.113.1").kind).toBe("allowed");
    const audit = t.db.select().from(auditLog).where(eq(auditLog.action, "auth.throttle_cleared")).all();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorUserId).toBe(admin.id);
    expect(JSON.parse(audit[0]!.after!)).toEqual({ email: "ana@example.test", address: "203.0.113.1", clearedFailures: 5 });
    expect(thrown(() => clearSignInThrottle({ actor: admin.actor, target: { email: "nobody@example.test", address: null } })).status).toBe(404);
  });

  it("clearing an address ends its pause for every account", () => {
    expect(clearSignInThrottle({ actor: admin.actor, target: { email: null, address: "203.0.113.2" } })).toEqual({ clearedFailures: 20 });
    expect(listSignInThrottles({ actor: admin.actor }).filter((i) => i.address === "203.0.113.2")).toEqual([]);
  });
});
