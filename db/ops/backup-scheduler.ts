import fs from "node:fs";
import path from "node:path";
import { BackupConfigError, backupFileName, backupsToPrune, leftoverPartials, nextBackupDelay, type BackupSchedule } from "@/lib/backup-schedule";
import { backupSchedule, type EnvSource } from "@/server/env";
import { backupDatabase } from "./backup";
import { databasePath } from "../client";
import { describeCounts } from "./database-check";

const log = (line: string) => console.log(`[hindsight] ${line}`);
const logError = (line: string) => console.error(`[hindsight] ${line}`);

const state = globalThis as unknown as { hindsightBackupTimer?: NodeJS.Timeout };

async function backupOnce(schedule: BackupSchedule) {
  const file = path.join(schedule.dir, backupFileName(new Date()));
  const result = await backupDatabase({ source: databasePath(), target: file });
  log(
    `scheduled backup written to ${file} (${describeCounts(result.counts)}; ${(result.bytes / 1e6).toFixed(1)} MB in ${(result.milliseconds / 1000).toFixed(1)} s)`,
  );
  for (const name of backupsToPrune(fs.readdirSync(schedule.dir), schedule.keep)) {
    fs.rmSync(path.join(schedule.dir, name), { force: true });
    log(`deleted the old backup ${path.join(schedule.dir, name)} (BACKUP_KEEP=${schedule.keep})`);
  }
}

function scheduleNext(schedule: BackupSchedule, afterFailure = false) {
  let delay = schedule.intervalMs;
  if (!afterFailure) {
    try {
      delay = nextBackupDelay(Date.now(), fs.readdirSync(schedule.dir), schedule.intervalMs);
    } catch (error) {
      logError(`cannot read BACKUP_DIR ${schedule.dir}: ${(error as Error).message}`);
    }
  }
  state.hindsightBackupTimer = setTimeout(() => {
    void (async () => {
      let failed = false;
      try {
        await backupOnce(schedule);
      } catch (error) {
        // Not fatal: the server keeps serving and tries again after the interval.
        failed = true;
        logError(`scheduled backup failed (next try in ${schedule.intervalMs / 3_600_000} h): ${(error as Error).message}`);
      }
      scheduleNext(schedule, failed);
    })();
  }, delay);
  state.hindsightBackupTimer.unref();
}

/**
 * Starts scheduled backups when BACKUP_DIR is set. Bad settings or an unusable BACKUP_DIR stop the
 * process with a clear message (Next.js only logs an error thrown from register() and serves on);
 * failed backups later are logged and retried after the interval.
 */
export function startScheduledBackups(source?: EnvSource) {
  if (state.hindsightBackupTimer) return;
  let schedule: BackupSchedule | null;
  try {
    schedule = backupSchedule(source);
    if (!schedule) return;
    schedule = { ...schedule, dir: path.resolve(schedule.dir) };
    fs.mkdirSync(schedule.dir, { recursive: true, mode: 0o700 });
    fs.accessSync(schedule.dir, fs.constants.W_OK);
  } catch (error) {
    const reason = error instanceof BackupConfigError ? error.message : `BACKUP_DIR cannot be used: ${(error as Error).message}`;
    logError(`Refusing to start: ${reason}`);
    process.exit(1);
  }
  for (const name of leftoverPartials(fs.readdirSync(schedule.dir))) fs.rmSync(path.join(schedule.dir, name), { force: true });
  log(`scheduled backups every ${schedule.intervalMs / 3_600_000} h into ${schedule.dir}, keeping the newest ${schedule.keep}`);
  scheduleNext(schedule);
}
