import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { createTestDb, TEST_PASSWORD, type TestDb } from "@/db/testing/test-db";
import { auditLog, loginAttempts } from "@/db/schema";
import { authorizeSignIn, BAD_CREDENTIALS_MESSAGE } from "./sign-in";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.cleanup());

const from = (address: string) => ({ "x-hindsight-remote-addr": address });
const noWait = async () => {};

async function outcome(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "signed in";
  } catch (error) {
    return (error as Error).message;
  }
}

describe("authorizeSignIn", () => {
  it("20 parallel wrong passwords from one address: at most 5 counted, the rest paused and audited", async () => {
    const user = await t.createUser("admin");
    const results = await Promise.all(
      Array.from({ length: 20 }, async () => outcome(authorizeSignIn({ email: user.email, password: "wrong guess" }, from("203.0.113.5"), noWait))),
    );
    expect(results.filter((r) => r === BAD_CREDENTIALS_MESSAGE)).toHaveLength(5);
    expect(results.filter((r) => r.startsWith("Too many failed sign-in attempts for this account from your network address"))).toHaveLength(15);
    expect(await t.db.select().from(loginAttempts).where(eq(loginAttempts.email, user.email))).toHaveLength(5);
    const limited = await t.db.select().from(auditLog).where(eq(auditLog.action, "auth.rate_limited"));
    expect(limited).toHaveLength(15);
    expect(JSON.parse(limited[0]!.after!)).toMatchObject({ limit: "failures per account and address", failures: 5 });
    expect(limited[0]!.ip).toBe("203.0.113.5");

    // The owner, from their own machine, still signs in (after the slowdown).
    const waits: number[] = [];
    const signedIn = await authorizeSignIn({ email: user.email.toUpperCase(), password: TEST_PASSWORD }, from("198.51.100.20"), async (ms) => waits.push(ms));
    expect(signedIn).toMatchObject({ id: String(user.id), email: user.email });
    expect(waits).toEqual([1000]);
  });

  it("ignores a forged X-Forwarded-For without TRUST_PROXY: the address limit holds", async () => {
    delete process.env.TRUST_PROXY;
    const results: string[] = [];
    for (let n = 0; n < 21; n++) {
      const headers = { ...from("192.0.2.99"), "x-forwarded-for": `10.${n}.0.1` };
      results.push(await outcome(authorizeSignIn({ email: `nobody${n}@example.test`, password: "guess" }, headers, noWait)));
    }
    expect(results.slice(0, 20).every((r) => r === BAD_CREDENTIALS_MESSAGE)).toBe(true);
    expect(results[20]).toMatch(/^Too many failed sign-in attempts from your network address/);
  });

  it("refuses empty credentials without recording anything", async () => {
    await expect(authorizeSignIn({ email: " ", password: "x" }, from("192.0.2.1"), noWait)).rejects.toThrow(BAD_CREDENTIALS_MESSAGE);
    expect(await t.db.select().from(loginAttempts).where(eq(loginAttempts.ip, "192.0.2.1"))).toHaveLength(0);
  });
});
