import type { Instrumentation } from "next";

// NEXT_RUNTIME is replaced by Next.js at build time, so it stays a literal process.env read.
/* eslint-disable no-restricted-properties */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // A bad TRUST_PROXY, BACKUP_*, NEXTAUTH_URL… stops the server here, naming the variable.
  (await import("./server/env")).exitOnInvalidEnv();
  // Opens the database and applies pending migrations (PostgreSQL: one process at a time).
  const { prepareDatabase } = await import("./db/client");
  await prepareDatabase();
  const { dialect } = await import("./db/dialect");
  const { ensureFirstAdmin } = await import("./db/bootstrap");
  await ensureFirstAdmin();
  // Derived per-incident facts for a database from before they existed (or written by other means).
  const { ensureIncidentFacts } = await import("./db/access/incident-facts");
  await ensureIncidentFacts((await import("./db/client")).getDb());
  // Backfill: derives stored SLO spend when this database has none of the current version.
  const { ensureSpendSegments } = await import("./db/access/slo-spend-segments");
  await ensureSpendSegments((await import("./db/client")).getDb());
  if (dialect === "sqlite") {
    // One server per SQLite file; several processes share a PostgreSQL database.
    const { holdServerLock } = await import("./db/ops/server-lock");
    holdServerLock();
    const { startScheduledBackups } = await import("./db/ops/backup-scheduler");
    startScheduledBackups();
  } else if (process.env.BACKUP_DIR) {
    console.warn("[hindsight] BACKUP_DIR is ignored on PostgreSQL: back up with pg_dump (README: Running on PostgreSQL)");
  }
  await (await import("./server/webhooks/worker")).startWebhookWorker();
  (await import("./db/ops/metrics")).registerDatabaseMetrics();
}

export const onRequestError: Instrumentation.onRequestError = async (...args) => {
  if (process.env.NEXT_RUNTIME === "nodejs") await (await import("./server/observability/request-error")).logRequestError(...args);
};
