import "server-only";
import { beginSignInAttempt, finishSignInAttempt } from "@/db/commands/admin/login-attempts";
import { findUserByEmail } from "@/db/access/users";
import { recordAuditEvent } from "@/db/access/audit";
import { verifyPassword } from "./password";
import { clientIpFromHeaders } from "./client-ip";
import { pausedMessage, THROTTLE_WINDOW_MS } from "./sign-in-throttle";

export const BAD_CREDENTIALS_MESSAGE = "Email or password is incorrect.";

export type SignedInUser = { id: string; email: string; name: string; sv: number };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The credentials check behind the sign-in form: throttled per (account, address) and per
 * address, slowed down per account; every outcome audited. Throws the message the form shows.
 */
export async function authorizeSignIn(
  credentials: Record<string, unknown> | undefined,
  headers: Headers | Record<string, string | string[] | undefined>,
  wait: (ms: number) => Promise<unknown> = sleep,
): Promise<SignedInUser> {
  const email = String(credentials?.email ?? "")
    .trim()
    .toLowerCase()
    .slice(0, 254);
  const password = String(credentials?.password ?? "").slice(0, 1024);
  const ip = clientIpFromHeaders(headers);
  if (!email || !password) throw new Error(BAD_CREDENTIALS_MESSAGE);
  const now = Date.now();
  const attempt = await beginSignInAttempt(email, ip, now);
  if (attempt.kind === "paused") {
    await recordAuditEvent(null, {
      action: "auth.rate_limited",
      entityType: "user",
      entityId: email,
      label: email,
      ip,
      after: {
        limit: attempt.limit === "address" ? "failures per address" : "failures per account and address",
        failures: attempt.failures,
        window: `${THROTTLE_WINDOW_MS / 60_000} minutes`,
        until: new Date(attempt.until).toISOString(),
      },
    });
    throw new Error(pausedMessage(attempt.limit, attempt.until, now));
  }
  if (attempt.delayMs) await wait(attempt.delayMs);
  const user = await findUserByEmail(email);
  // Unknown emails verify against a dummy hash: same cost as a wrong password.
  const ok = await verifyPassword(user?.passwordHash ?? null, password);
  if (!user || !ok || user.disabled) {
    await finishSignInAttempt(attempt.attemptId, false);
    await recordAuditEvent(null, {
      action: "auth.sign_in_failed",
      entityType: "user",
      entityId: email,
      label: email,
      ip,
      ...(attempt.delayMs ? { after: { delayMs: attempt.delayMs } } : {}),
    });
    throw new Error(BAD_CREDENTIALS_MESSAGE);
  }
  await finishSignInAttempt(attempt.attemptId, true);
  await recordAuditEvent(
    { kind: "user", userId: user.id, role: user.role, email: user.email, name: user.name, ip },
    { action: "auth.sign_in", entityType: "user", entityId: user.id },
  );
  return { id: String(user.id), email: user.email, name: user.name, sv: user.sessionVersion };
}
