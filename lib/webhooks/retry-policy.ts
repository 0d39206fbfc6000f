/**
 * When to try a webhook delivery again. Eight attempts over about 24 hours: at once, then after
 * 1 min, 5 min, 30 min, 2 h, 5 h, 8 h and 10 h (25.6 h in all) (the delays scale with HINDSIGHT_WEBHOOK_BACKOFF_SCALE).
 * Timeouts, network errors, 5xx and 429 are retried; any other answer (4xx, a refused redirect or
 * address) fails the delivery at once: retrying would get the same answer.
 */
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** The wait after attempt n (index n - 1) before attempt n + 1. */
export const RETRY_DELAYS_MS = [1 * MINUTE, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, 5 * HOUR, 8 * HOUR, 10 * HOUR] as const;
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;
/** A Retry-After longer than this is cut to it: the delivery would otherwise sit for days. */
export const RETRY_AFTER_CAP_MS = 6 * HOUR;
/** An endpoint failing this long (scaled) without one success is disabled when a delivery finally fails. */
export const FAILING_DISABLE_MS = 24 * HOUR;

export type AttemptResult = {
  /** The HTTP status, or null when there was none (timeout, network error, refused address). */
  statusCode: number | null;
  error: string | null;
  /** The Retry-After the receiver sent, in milliseconds from now. */
  retryAfterMs: number | null;
  /** A failure retrying cannot fix (a refused address or redirect). */
  permanent?: boolean;
};

export type NextStep = { status: "delivered" } | { status: "pending"; nextAttemptAt: number } | { status: "failed" };

/** Retry-After as seconds ("120") or an HTTP date, in milliseconds from `now` (never negative); null when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now: number): number | null {
  const text = value?.trim();
  if (!text) return null;
  if (/^\d{1,10}$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  if (!Number.isFinite(at) || !/[a-z]/i.test(text)) return null;
  return Math.max(0, at - now);
}

export const isSuccess = (statusCode: number | null) => statusCode !== null && statusCode >= 200 && statusCode < 300;

export function isRetryable(result: AttemptResult): boolean {
  if (result.permanent) return false;
  const code = result.statusCode;
  return code === null || code >= 500 || code === 429;
}

/** The delay before the next attempt after `attempt` attempts: the schedule's (scaled), or Retry-After when longer (capped). */
export function retryDelay(attempt: number, retryAfterMs: number | null, scale = 1): number {
  const scheduled = Math.round(RETRY_DELAYS_MS[Math.min(attempt, RETRY_DELAYS_MS.length) - 1]! * scale);
  return retryAfterMs === null ? scheduled : Math.max(scheduled, Math.min(retryAfterMs, RETRY_AFTER_CAP_MS));
}

/** What happens to a delivery after its `attempt`-th attempt (1-based) ended with `result`. */
export function nextStep(attempt: number, result: AttemptResult, now: number, scale = 1): NextStep {
  if (isSuccess(result.statusCode)) return { status: "delivered" };
  if (!isRetryable(result) || attempt >= MAX_ATTEMPTS) return { status: "failed" };
  return { status: "pending", nextAttemptAt: now + retryDelay(attempt, result.retryAfterMs, scale) };
}

/**
 * Why an endpoint should be switched off after a delivery finally failed, or null: `disableAfter`
 * failed deliveries in a row, or failing for 24 hours (scaled) without a single success.
 */
export function disableReason(
  health: { consecutiveFailures: number; failingSince: number | null },
  now: number,
  options: { disableAfter: number; scale?: number },
): string | null {
  if (health.consecutiveFailures >= options.disableAfter) {
    return `Disabled automatically after ${health.consecutiveFailures} failed deliveries in a row`;
  }
  const failingFor = health.failingSince === null ? 0 : now - health.failingSince;
  if (health.failingSince !== null && failingFor >= FAILING_DISABLE_MS * (options.scale ?? 1)) {
    return `Disabled automatically: every attempt has failed since ${new Date(health.failingSince).toISOString()}`;
  }
  return null;
}
