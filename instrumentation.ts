import type { Instrumentation } from "next";

export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { exitOnInvalidTrustProxy } = await import("./server/auth/trust-proxy");
  exitOnInvalidTrustProxy();
  const { ensureFirstAdmin } = await import("./db/bootstrap");
  await ensureFirstAdmin();
  const { holdServerLock } = await import("./db/ops/server-lock");
  holdServerLock();
  const { startScheduledBackups } = await import("./db/ops/backup-scheduler");
  startScheduledBackups();
  (await import("./db/ops/metrics")).registerDatabaseMetrics();
}

export const onRequestError: Instrumentation.onRequestError = async (...args) => {
  if (process.env.NEXT_RUNTIME === "nodejs") (await import("./lib/request-error")).logRequestError(...args);
};
