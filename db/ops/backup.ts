import fs from "node:fs";
import path from "node:path";
import { databaseProblem, knownMigrations } from "./database-check";
import { snapshotDatabase, type DatabaseInspection } from "./database-worker";
import { copySecretFile, createTempBeside, installTemp, removeQuietly } from "./file-safety";

/** A backup that cannot be made as asked (bad destination, no database, existing file). */
export class BackupError extends Error {}

export type BackupOptions = {
  /** The live database (DATABASE_PATH). */
  source: string;
  /** Where the backup goes. */
  target: string;
  /** Replace an existing target. */
  force?: boolean;
  /** Also copy the session secret (auth-secret beside the database) to TARGET.auth-secret. */
  withSecret?: boolean;
};

export type BackupResult = {
  file: string;
  bytes: number;
  counts: DatabaseInspection["counts"];
  /** Where the session secret was copied, or why not (when it was asked for). */
  secret: { copiedTo: string } | { skipped: string } | null;
  milliseconds: number;
};

export const secretFileFor = (backup: string) => `${backup}.auth-secret`;

function checkDestination(source: string, target: string, options: BackupOptions) {
  if (!fs.existsSync(source)) throw new BackupError(`There is no database at ${source} (set DATABASE_PATH to the one to back up).`);
  if (target === source || target.startsWith(`${source}-`)) throw new BackupError("The backup file cannot be the database itself or one of its WAL files.");
  const dir = path.dirname(target);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(dir);
  } catch {
    throw new BackupError(`The folder ${dir} does not exist.`);
  }
  if (!stat.isDirectory()) throw new BackupError(`${dir} is not a folder.`);
  try {
    fs.accessSync(dir, fs.constants.W_OK);
  } catch {
    throw new BackupError(`The folder ${dir} is not writable.`);
  }
  if (fs.existsSync(target) && fs.statSync(target).isDirectory()) throw new BackupError(`${target} is a folder; give a file name.`);
  if (!options.force) {
    for (const file of options.withSecret ? [target, secretFileFor(target)] : [target]) {
      if (fs.existsSync(file)) throw new BackupError(`${file} already exists; pass --force to replace it.`);
    }
  }
}

/**
 * A consistent copy of the live database, safe while the server runs and writes: SQLite's
 * VACUUM INTO (in a worker thread) into a 0600 temp file beside the target, checked with
 * integrity_check, flushed, then renamed into place.
 */
export async function backupDatabase(options: BackupOptions): Promise<BackupResult> {
  const started = Date.now();
  const source = path.resolve(options.source);
  const target = path.resolve(options.target);
  checkDestination(source, target, options);

  const temp = createTempBeside(target, "partial");
  let inspection: DatabaseInspection;
  try {
    inspection = await snapshotDatabase(source, temp);
    const problem = databaseProblem(inspection, knownMigrations());
    if (problem) throw new BackupError(`The copy failed its check, so no backup was written: ${problem}`);
  } catch (error) {
    removeQuietly(temp);
    throw error;
  }
  installTemp(temp, target);

  let secret: BackupResult["secret"] = null;
  if (options.withSecret) {
    const secretFile = path.join(path.dirname(source), "auth-secret");
    if (fs.existsSync(secretFile)) {
      copySecretFile(secretFile, secretFileFor(target));
      secret = { copiedTo: secretFileFor(target) };
    } else {
      secret = { skipped: `there is no ${secretFile} (with NEXTAUTH_SECRET set, keep that value safe instead)` };
    }
  }
  return { file: target, bytes: fs.statSync(target).size, counts: inspection.counts, secret, milliseconds: Date.now() - started };
}
