import "server-only";
import { and, eq, gte, lt, or } from "drizzle-orm";
import { decideSignIn, LOOKBACK_MS, type PauseLimit } from "@/server/auth/sign-in-throttle";
import { loginAttempts } from "../../schema";
import { transaction } from "../../transaction";

const KEEP_MS = 24 * 60 * 60 * 1000;

export type SignInAttempt = { kind: "paused"; limit: PauseLimit; until: number; failures: number } | { kind: "allowed"; attemptId: number; delayMs: number };

/**
 * Checks the throttles and, when the attempt may go on, records it as a failure in the same
 * transaction, before the password is checked: parallel guesses each see the ones before them.
 * finishSignInAttempt turns it into a success.
 */
export async function beginSignInAttempt(email: string, ip: string, now = Date.now()): Promise<SignInAttempt> {
  return await transaction(async (tx) => {
    const rows = await tx
      .select({ email: loginAttempts.email, ip: loginAttempts.ip, at: loginAttempts.at })
      .from(loginAttempts)
      .where(and(eq(loginAttempts.success, false), gte(loginAttempts.at, now - LOOKBACK_MS), or(eq(loginAttempts.email, email), eq(loginAttempts.ip, ip))));
    const decision = decideSignIn({
      pairFailures: rows.filter((r) => r.email === email && r.ip === ip).map((r) => r.at),
      addressFailures: rows.filter((r) => r.ip === ip).map((r) => r.at),
      accountFailures: rows.filter((r) => r.email === email).map((r) => r.at),
      now,
    });
    if (decision.kind === "paused") return decision;
    const row = (await tx.insert(loginAttempts).values({ email, ip, at: now, success: false }).returning({ id: loginAttempts.id }))[0]!;
    return { kind: "allowed", attemptId: row.id, delayMs: decision.delayMs };
  });
}

/** A successful attempt clears that pair's failures (not the account's from other addresses); old rows are pruned. */
export async function finishSignInAttempt(attemptId: number, succeeded: boolean, now = Date.now()) {
  await transaction(async (tx) => {
    if (succeeded) {
      const row = (await tx.update(loginAttempts).set({ success: true }).where(eq(loginAttempts.id, attemptId)).returning())[0];
      if (row) await tx.delete(loginAttempts).where(and(eq(loginAttempts.email, row.email), eq(loginAttempts.ip, row.ip), eq(loginAttempts.success, false)));
    }
    await tx.delete(loginAttempts).where(lt(loginAttempts.at, now - KEEP_MS));
  });
}
