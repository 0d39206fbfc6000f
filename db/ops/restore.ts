import Database from "better-sqlite3";
import fs from "node:fs";
import path from "node:path";
import { secretFileFor } from "./backup";
import { databaseProblem, knownMigrations } from "./database-check";
import { inspectDatabase, type DatabaseInspection } from "./database-worker";
import { copySecretFile, createTempBeside, fileTimestamp, fsyncDir, fsyncFile, removeQuietly } from "./file-safety";
import { databaseHolder, removeStaleLock } from "./server-lock";

/** A restore that was refused or cannot be done; nothing was changed. */
export class RestoreError extends Error {}

export type RestoreResult = {
  target: string;
  /** Where the replaced database now is (null when there was none). */
  replacedAs: string | null;
  /** Notes on how the replaced database's WAL was handled. */
  walNote: string | null;
  counts: DatabaseInspection["counts"];
  /** The session secret installed from BACKUP.auth-secret, and where the previous one went. */
  secret: { installed: string; previousAs: string | null; unchanged: boolean } | null;
};

/** Folds the WAL into the database file so the file alone holds every commit; false when that fails. */
function checkpoint(file: string): string | null {
  try {
    const db = new Database(file, { fileMustExist: true });
    try {
      db.pragma("busy_timeout = 5000");
      const [row] = db.pragma("wal_checkpoint(TRUNCATE)") as { busy: number }[];
      if (row && row.busy) return "the WAL could not be checkpointed (busy)";
    } finally {
      db.close();
    }
    return null;
  } catch (error) {
    return `the WAL could not be checkpointed (${(error as Error).message})`;
  }
}

/** Moves the current database (and any -wal/-shm left) aside as TARGET.replaced-<time>. */
function keepAside(target: string, stamp: string): { replacedAs: string | null; walNote: string | null } {
  const aside = `${target}.replaced-${stamp}`;
  let walNote: string | null = null;
  let replacedAs: string | null = null;
  if (fs.existsSync(target)) {
    walNote = checkpoint(target);
    // A hard link keeps a database at TARGET until the restored file is renamed over it.
    try {
      fs.linkSync(target, aside);
    } catch {
      fs.copyFileSync(target, aside, fs.constants.COPYFILE_EXCL);
    }
    replacedAs = aside;
  }
  // WAL files must never meet the restored database: SQLite would replay them into it.
  const moved: string[] = [];
  for (const suffix of ["-wal", "-shm"]) {
    if (fs.existsSync(target + suffix)) {
      fs.renameSync(target + suffix, aside + suffix);
      moved.push(aside + suffix);
    }
  }
  if (moved.length) walNote = `${walNote ?? "WAL files were left"}; moved to ${moved.join(" and ")}`;
  return { replacedAs, walNote };
}

function installSecret(backup: string, target: string, stamp: string): RestoreResult["secret"] {
  const from = secretFileFor(backup);
  if (!fs.existsSync(from)) return null;
  const to = path.join(path.dirname(target), "auth-secret");
  let previousAs: string | null = null;
  if (fs.existsSync(to)) {
    if (fs.readFileSync(to, "utf8") === fs.readFileSync(from, "utf8")) return { installed: to, previousAs: null, unchanged: true };
    previousAs = `${to}.replaced-${stamp}`;
    fs.renameSync(to, previousAs);
  }
  copySecretFile(from, to);
  return { installed: to, previousAs, unchanged: false };
}

/**
 * Replaces the database at `target` with `backup`: refused while a server has the database open;
 * the backup is copied beside the target and verified first (integrity_check, Hindsight tables,
 * migrations this code knows); the replaced database is kept as TARGET.replaced-<time>; the
 * verified copy is renamed into place, so TARGET is always one whole database.
 */
export async function restoreDatabase(options: { backup: string; target: string }): Promise<RestoreResult> {
  const backup = path.resolve(options.backup);
  const target = path.resolve(options.target);
  if (!fs.existsSync(backup) || !fs.statSync(backup).isFile()) throw new RestoreError(`There is no backup file at ${backup}.`);
  if (backup === target) throw new RestoreError("The backup file is the database itself.");
  const holder = databaseHolder(target);
  if (holder) {
    throw new RestoreError(`A running process (pid ${holder.pid}) has ${target} open: stop the Hindsight server first, then restore.`);
  }
  fs.mkdirSync(path.dirname(target), { recursive: true });

  const temp = createTempBeside(target, "restoring");
  let inspection: DatabaseInspection;
  try {
    fs.copyFileSync(backup, temp);
    fs.chmodSync(temp, 0o600);
    try {
      inspection = await inspectDatabase(temp);
    } catch (error) {
      throw new RestoreError(`${backup} is not a readable SQLite database, nothing was changed: ${(error as Error).message}`);
    }
    const problem = databaseProblem(inspection, knownMigrations());
    if (problem) throw new RestoreError(`${backup} failed verification, nothing was changed: ${problem}`);
    fsyncFile(temp);
  } catch (error) {
    removeQuietly(temp);
    throw error;
  }

  // Checked again right before the swap: a server may have started meanwhile.
  const lateHolder = databaseHolder(target);
  if (lateHolder) {
    removeQuietly(temp);
    throw new RestoreError(`A running process (pid ${lateHolder.pid}) has ${target} open: stop the Hindsight server first, then restore.`);
  }
  const stamp = fileTimestamp();
  const { replacedAs, walNote } = keepAside(target, stamp);
  fs.renameSync(temp, target);
  fsyncDir(path.dirname(target));
  removeStaleLock(target);
  const secret = installSecret(backup, target, stamp);
  return { target, replacedAs, walNote, counts: inspection.counts, secret };
}
