// Scheduled backups: settings from the environment, file names, and which old backups to delete.

export type BackupSchedule = { dir: string; intervalMs: number; keep: number };

export const DEFAULT_INTERVAL_HOURS = 24;
export const DEFAULT_KEEP = 7;
const MIN_INTERVAL_HOURS = 0.01; // 36 s: below that a backup could still be running when the next starts
const MAX_INTERVAL_HOURS = 24 * 366;
const MAX_KEEP = 10_000;
const HOUR_MS = 3_600_000;

export class BackupConfigError extends Error {}

type Env = Record<string, string | undefined>;

function intervalHours(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === "") return DEFAULT_INTERVAL_HOURS;
  const value = Number(raw.trim());
  if (!/^\d+(\.\d+)?$/.test(raw.trim()) || !(value >= MIN_INTERVAL_HOURS && value <= MAX_INTERVAL_HOURS)) {
    throw new BackupConfigError(
      `BACKUP_INTERVAL_HOURS must be a number of hours from ${MIN_INTERVAL_HOURS} to ${MAX_INTERVAL_HOURS} (decimals allowed, e.g. 0.5); got "${raw}"`,
    );
  }
  return value;
}

function keepCount(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === "") return DEFAULT_KEEP;
  const value = Number(raw.trim());
  if (!/^\d+$/.test(raw.trim()) || value < 1 || value > MAX_KEEP) {
    throw new BackupConfigError(`BACKUP_KEEP must be a whole number of backups from 1 to ${MAX_KEEP}; got "${raw}"`);
  }
  return value;
}

/**
 * The backup schedule from BACKUP_DIR, BACKUP_INTERVAL_HOURS and BACKUP_KEEP; null when BACKUP_DIR
 * is unset or blank (scheduled backups off). Bad values throw a BackupConfigError naming the variable,
 * even with BACKUP_DIR unset, so a typo is noticed before backups are relied on.
 */
export function backupScheduleFromEnv(env: Env): BackupSchedule | null {
  const hours = intervalHours(env.BACKUP_INTERVAL_HOURS);
  const keep = keepCount(env.BACKUP_KEEP);
  const dir = env.BACKUP_DIR?.trim();
  if (!dir) return null;
  return { dir, intervalMs: Math.round(hours * HOUR_MS), keep };
}

const NAME = /^hindsight-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z\.db$/;

/** hindsight-20261206T005421Z.db: the UTC time the backup was taken, sortable as text. */
export function backupFileName(at: Date): string {
  const iso = at.toISOString(); // 2026-12-06T00:54:21.123Z
  return `hindsight-${iso.slice(0, 10).replace(/-/g, "")}T${iso.slice(11, 19).replace(/:/g, "")}Z.db`;
}

/** The time in a scheduled backup's name, or null for any other file. */
export function backupTimeFromName(name: string): number | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m.map(Number) as number[];
  const ms = Date.UTC(y!, mo! - 1, d!, h!, mi!, s!);
  // Rejects impossible dates such as month 13 that Date.UTC would roll over.
  return backupFileName(new Date(ms)) === name ? ms : null;
}

/** Scheduled backups in a folder listing, newest first; other files are ignored. */
export function scheduledBackups(names: string[]): { name: string; at: number }[] {
  return names
    .map((name) => ({ name, at: backupTimeFromName(name) }))
    .filter((b): b is { name: string; at: number } => b.at !== null)
    .sort((a, b) => b.at - a.at);
}

/** The scheduled backups to delete so that the newest `keep` remain; never a file of another name. */
export function backupsToPrune(names: string[], keep: number): string[] {
  return scheduledBackups(names)
    .slice(keep)
    .map((b) => b.name);
}

const PARTIAL = /^\.hindsight-\d{8}T\d{6}Z\.db\.partial-\d+-[0-9a-f]+$/;

/** Temp files of scheduled backups cut short (the server stopped mid-backup), safe to delete at startup. */
export function leftoverPartials(names: string[]): string[] {
  return names.filter((name) => PARTIAL.test(name));
}

/**
 * How long to wait before the next backup: an interval after the newest one, at once when that
 * time has passed or there is none yet.
 */
export function nextBackupDelay(now: number, names: string[], intervalMs: number): number {
  const newest = scheduledBackups(names)[0];
  if (!newest) return 0;
  return Math.max(0, Math.min(intervalMs, newest.at + intervalMs - now));
}
