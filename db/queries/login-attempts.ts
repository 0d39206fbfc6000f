import "server-only";
import { and, eq, gte, lt, sql } from "drizzle-orm";
import { getDb } from "../client";
import { loginAttempts } from "../schema";

export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_EMAIL = 5;
export const MAX_FAILURES_PER_IP = 20;

/** Whether the email or address has used up its failed attempts in the last 15 minutes. */
export function loginLimited(email: string, ip: string, now = Date.now()): "email" | "ip" | null {
  const db = getDb();
  const since = now - LOGIN_WINDOW_MS;
  const count = (field: typeof loginAttempts.email | typeof loginAttempts.ip, value: string) =>
    db
      .select({ n: sql<number>`count(*)` })
      .from(loginAttempts)
      .where(and(eq(field, value), eq(loginAttempts.success, false), gte(loginAttempts.at, since)))
      .get()!.n;
  if (count(loginAttempts.email, email) >= MAX_FAILURES_PER_EMAIL) return "email";
  if (count(loginAttempts.ip, ip) >= MAX_FAILURES_PER_IP) return "ip";
  return null;
}

export function recordLoginAttempt(email: string, ip: string, success: boolean, now = Date.now()) {
  const db = getDb();
  db.transaction((tx) => {
    tx.insert(loginAttempts).values({ email, ip, at: now, success }).run();
    // A success clears that email's failures; old rows are pruned as we go.
    if (success) tx.delete(loginAttempts).where(and(eq(loginAttempts.email, email), eq(loginAttempts.success, false))).run();
    tx.delete(loginAttempts).where(lt(loginAttempts.at, now - 24 * 60 * 60 * 1000)).run();
  });
}
