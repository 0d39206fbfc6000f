import "server-only";
import { and, eq, gte, lt, or } from "drizzle-orm";
import { decideSignIn, LOOKBACK_MS, type PauseLimit } from "@/server/auth/sign-in-throttle";
import { getDb } from "../../client";
import { loginAttempts } from "../../schema";

const KEEP_MS = 24 * 60 * 60 * 1000;

export type SignInAttempt = { kind: "paused"; limit: PauseLimit; until: number; failures: number } | { kind: "allowed"; attemptId: number; delayMs: number };

/**
 * Checks the throttles and, when the attempt may go on, records it as a failure in the same
 * transaction, before the password is checked: parallel guesses each see the ones before them.
 * finishSignInAttempt turns it into a success.
 */
export function beginSignInAttempt(email: string, ip: string, now = Date.now()): SignInAttempt {
  const db = getDb();
  return db.transaction(
    (tx) => {
      const rows = tx
        .select({ email: loginAttempts.email, ip: loginAttempts.ip, at: loginAttempts.at })
        .from(loginAttempts)
        .where(and(eq(loginAttempts.success, false), gte(loginAttempts.at, now - LOOKBACK_MS), or(eq(loginAttempts.email, email), eq(loginAttempts.ip, ip))))
        .all();
      const decision = decideSignIn({
        pairFailures: rows.filter((r) => r.email === email && r.ip === ip).map((r) => r.at),
        addressFailures: rows.filter((r) => r.ip === ip).map((r) => r.at),
        accountFailures: rows.filter((r) => r.email === email).map((r) => r.at),
        now,
      });
      if (decision.kind === "paused") return decision;
      const row = tx.insert(loginAttempts).values({ email, ip, at: now, success: false }).returning({ id: loginAttempts.id }).get();
      return { kind: "allowed", attemptId: row.id, delayMs: decision.delayMs };
    },
    { behavior: "immediate" },
  );
}

/** A successful attempt clears that pair's failures (not the account's from other addresses); old rows are pruned. */
export function finishSignInAttempt(attemptId: number, succeeded: boolean, now = Date.now()) {
  getDb().transaction(
    (tx) => {
      if (succeeded) {
        const row = tx.update(loginAttempts).set({ success: true }).where(eq(loginAttempts.id, attemptId)).returning().get();
        if (row)
          tx.delete(loginAttempts)
            .where(and(eq(loginAttempts.email, row.email), eq(loginAttempts.ip, row.ip), eq(loginAttempts.success, false)))
            .run();
      }
      tx.delete(loginAttempts)
        .where(lt(loginAttempts.at, now - KEEP_MS))
        .run();
    },
    { behavior: "immediate" },
  );
}
