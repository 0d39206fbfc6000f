// Sign-in throttling as OWASP recommends: pause a guessing (account, address) pair or address,
// slow down an account under attack, never lock the owner out from their own machine.

export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
export const PAUSE_MS = 15 * 60 * 1000;
/** Failures of one account from one address within the window before that pair is paused. */
export const PAIR_FAILURE_LIMIT = 5;
/** Failures from one address, any accounts, within the window before the address is paused. */
export const ADDRESS_FAILURE_LIMIT = 20;
/** Recent failures of an account (any address) from which each further attempt is slowed down. */
export const SLOWDOWN_AFTER_FAILURES = 3;
export const SLOWDOWN_BASE_MS = 250;
export const SLOWDOWN_MAX_MS = 4000;
/** How far back failures matter: a pause can start up to one window ago and last a pause. */
export const LOOKBACK_MS = THROTTLE_WINDOW_MS + PAUSE_MS;

export type PauseLimit = "account_address" | "address";

/**
 * When a pause ends, or null when there is none: the latest failure starts a pause when its
 * trailing window holds `limit` failures. Refused attempts are not failures, so the latest
 * failure is the one that started the pause.
 */
export function pausedUntil(failureTimes: readonly number[], limit: number, now: number): number | null {
  if (failureTimes.length < limit) return null;
  const latest = Math.max(...failureTimes);
  if (now >= latest + PAUSE_MS) return null;
  const inWindow = failureTimes.filter((at) => at <= latest && at > latest - THROTTLE_WINDOW_MS).length;
  return inWindow >= limit ? latest + PAUSE_MS : null;
}

/** Failures of the account within the window before now. */
export function recentFailures(failureTimes: readonly number[], now: number): number {
  return failureTimes.filter((at) => at <= now && at > now - THROTTLE_WINDOW_MS).length;
}

/** The delay before checking the password, given the account's recent failures: 250 ms doubling from the 3rd, at most 4 s. */
export function slowdownMs(recentAccountFailures: number): number {
  if (recentAccountFailures < SLOWDOWN_AFTER_FAILURES) return 0;
  const doublings = Math.min(recentAccountFailures - SLOWDOWN_AFTER_FAILURES, 10);
  return Math.min(SLOWDOWN_BASE_MS * 2 ** doublings, SLOWDOWN_MAX_MS);
}

/** When an account's slowdown ends (its recent failures drop below the threshold), or null. */
export function slowdownUntil(failureTimes: readonly number[], now: number): number | null {
  const recent = failureTimes.filter((at) => at <= now && at > now - THROTTLE_WINDOW_MS).sort((a, b) => b - a);
  if (recent.length < SLOWDOWN_AFTER_FAILURES) return null;
  return recent[SLOWDOWN_AFTER_FAILURES - 1]! + THROTTLE_WINDOW_MS;
}

export type SignInDecision = { kind: "paused"; limit: PauseLimit; until: number; failures: number } | { kind: "allowed"; delayMs: number };

/** Whether an attempt may go on, from the failures (times) of its pair, its address and its account. */
export function decideSignIn(input: {
  pairFailures: readonly number[];
  addressFailures: readonly number[];
  accountFailures: readonly number[];
  now: number;
}): SignInDecision {
  const { now } = input;
  const pair = pausedUntil(input.pairFailures, PAIR_FAILURE_LIMIT, now);
  if (pair) return { kind: "paused", limit: "account_address", until: pair, failures: recentFailures(input.pairFailures, pair - PAUSE_MS) };
  const address = pausedUntil(input.addressFailures, ADDRESS_FAILURE_LIMIT, now);
  if (address) return { kind: "paused", limit: "address", until: address, failures: recentFailures(input.addressFailures, address - PAUSE_MS) };
  return { kind: "allowed", delayMs: slowdownMs(recentFailures(input.accountFailures, now)) };
}

/** The sign-in form's message for a paused attempt. */
export function pausedMessage(limit: PauseLimit, until: number, now: number): string {
  const minutes = Math.max(1, Math.ceil((until - now) / 60_000));
  const wait = `Try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}`;
  return limit === "address"
    ? `Too many failed sign-in attempts from your network address. ${wait}, or ask an admin to clear the limit.`
    : `Too many failed sign-in attempts for this account from your network address. ${wait}, sign in from another device, or ask an admin to clear the limit.`;
}
