export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { ensureFirstAdmin } = await import("./db/bootstrap");
  await ensureFirstAdmin();
  const { holdServerLock } = await import("./db/server-lock");
  holdServerLock();
  const { startScheduledBackups } = await import("./db/backup-scheduler");
  startScheduledBackups();
}
