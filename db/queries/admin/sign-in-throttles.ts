import "server-only";
import { and, eq, gte } from "drizzle-orm";
import type { Actor } from "@/lib/actor";
import { requirePermission } from "@/lib/policy";
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
import { getDb } from "../../client";
import { loginAttempts } from "../../schema";

export type SignInThrottle =
  /** The account is paused from this address. */
  | { kind: "account_address"; email: string; address: string; failures: number; until: number }
  /** The address is paused for every account. */
  | { kind: "address"; email: null; address: string; failures: number; until: number }
  /** The account is slowed down (every address): each attempt waits delayMs. */
  | { kind: "account"; email: string; address: null; failures: number; until: number; delayMs: number };

/** 403 unless the actor may see and clear sign-in limits. */
export function requireSignInThrottleAdmin(actor: Actor) {
  requirePermission(actor, "sign-in-throttle", "manage");
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
export async function listSignInThrottles({ actor, now = Date.now() }: { actor: Actor; now?: number }): Promise<SignInThrottle[]> {
  requireSignInThrottleAdmin(actor);
  const rows = await getDb()
    .select({ email: loginAttempts.email, ip: loginAttempts.ip, at: loginAttempts.at })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.success, false), gte(loginAttempts.at, now - LOOKBACK_MS)));
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
  return items.sort(
    (a, b) =>
      b.until - a.until || a.kind.localeCompare(b.kind) || (a.email ?? "").localeCompare(b.email ?? "") || (a.address ?? "").localeCompare(b.address ?? ""),
  );
}
