import "server-only";
import { and, eq, gte, type SQL } from "drizzle-orm";
import type { Actor } from "@/lib/actor";
import { forbidden, notFound } from "@/lib/errors";
import { hasRole } from "@/lib/roles";
import {
  ADDRESS_FAILURE_LIMIT,
  LOOKBACK_MS,
  PAIR_FAILURE_LIMIT,
  PAUSE_MS,
  pausedUntil,
  recentFailures,
  slowdownMs,
  slowdownUntil,
} from "@/server/auth/sign-in-throttle";
import type { ThrottleTarget } from "@/server/auth/throttle-target";
import { getDb } from "../client";
import { loginAttempts } from "../schema";
import { recordAudit } from "../access/audit";

export type SignInThrottle =
  /** The account is paused from this address. */
  | { kind: "account_address"; email: string; address: string; failures: number; until: number }
  /** The address is paused for every account. */
  | { kind: "address"; email: null; address: string; failures: number; until: number }
  /** The account is slowed down (every address): each attempt waits delayMs. */
  | { kind: "account"; email: string; address: null; failures: number; until: number; delayMs: number };

export function requireSignInThrottleAdmin(actor: Actor) {
  if (!hasRole(actor.role, "admin")) throw forbidden("Only admins can see and clear sign-in limits");
}

function groupTimes<R extends { at: number }, K>(rows: R[], key: (row: R) => K): Map<K, number[]> {
  const groups = new Map<K, number[]>();
  for (const row of rows) {
    const k = key(row);
    groups.set(k, [...(groups.get(k) ?? []), row.at]);
  }
  return groups;
}

/** Active pauses and slowdowns, the longest-lasting first. */
export function listSignInThrottles({ actor, now = Date.now() }: { actor: Actor; now?: number }): SignInThrottle[] {
  requireSignInThrottleAdmin(actor);
  const rows = getDb()
    .select({ email: loginAttempts.email, ip: loginAttempts.ip, at: loginAttempts.at })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.success, false), gte(loginAttempts.at, now - LOOKBACK_MS)))
    .all();
  const items: SignInThrottle[] = [];
  for (const [key, times] of groupTimes(rows, (r) => JSON.stringify([r.email, r.ip]))) {
    const until = pausedUntil(times, PAIR_FAILURE_LIMIT, now);
    const [email, address] = JSON.parse(key) as [string, string];
    if (until) items.push({ kind: "account_address", email, address, failures: recentFailures(times, until - PAUSE_MS), until });
  }
  for (const [address, times] of groupTimes(rows, (r) => r.ip)) {
    const until = pausedUntil(times, ADDRESS_FAILURE_LIMIT, now);
    if (until) items.push({ kind: "address", email: null, address, failures: recentFailures(times, until - PAUSE_MS), until });
  }
  for (const [email, times] of groupTimes(rows, (r) => r.email)) {
    const until = slowdownUntil(times, now);
    const failures = recentFailures(times, now);
    if (until) items.push({ kind: "account", email, address: null, failures, until, delayMs: slowdownMs(failures) });
  }
  return items.sort((a, b) => b.until - a.until || a.kind.localeCompare(b.kind) || (a.email ?? "").localeCompare(b.email ?? "") || (a.address ?? "").localeCompare(b.address ?? ""));
}

/**
 * Forgets the recorded failures of an account, an address or a pair, which ends their pauses and
 * slowdowns; audited. 404 when there is nothing to clear.
 */
export function clearSignInThrottle({ actor, target }: { actor: Actor; target: ThrottleTarget }): { clearedFailures: number } {
  requireSignInThrottleAdmin(actor);
  const conditions: SQL[] = [eq(loginAttempts.success, false)];
  if (target.email) conditions.push(eq(loginAttempts.email, target.email));
  if (target.address) conditions.push(eq(loginAttempts.ip, target.address));
  return getDb().transaction(
    (tx) => {
      const deleted = tx.delete(loginAttempts).where(and(...conditions)).returning({ id: loginAttempts.id }).all().length;
      if (!deleted) throw notFound("Sign-in limit for that email and address");
      recordAudit(tx, actor, {
        action: "auth.throttle_cleared",
        entityType: "user",
        entityId: target.email ?? target.address,
        after: { email: target.email, address: target.address, clearedFailures: deleted },
      });
      return { clearedFailures: deleted };
    },
    { behavior: "immediate" },
  );
}
