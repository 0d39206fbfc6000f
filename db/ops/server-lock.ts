import fs from "node:fs";
import path from "node:path";
import { databasePath } from "../client";

// The server writes its process id to hindsight.pid beside the database at startup, so that
// `npm run restore` can refuse to swap the file under a running server. A pid file alone can
// be stale (kill -9, a reused pid): a holder counts only while that process has the file open.

export const lockFileFor = (dbFile: string) => path.join(path.dirname(dbFile), "hindsight.pid");

/** Writes this process's id beside the database and removes it again on exit. */
export function holdServerLock(dbFile: string = databasePath()) {
  const file = lockFileFor(dbFile);
  fs.writeFileSync(file, `${process.pid}\n`);
  process.once("exit", () => {
    try {
      if (fs.readFileSync(file, "utf8").trim() === String(process.pid)) fs.rmSync(file);
    } catch {
      // already gone
    }
  });
}

function readLockPid(dbFile: string): number | null {
  try {
    const pid = Number(fs.readFileSync(lockFileFor(dbFile), "utf8").trim());
    return Number.isSafeInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

const hasProcFs = () => fs.existsSync("/proc/self/fd");

/** Whether the process has the database (or its WAL) open: true, false, or null when it cannot be told. */
function processHasOpen(pid: number, dbFile: string): boolean | null {
  const wanted = new Set([dbFile, `${dbFile}-wal`]);
  let fds: string[];
  try {
    fds = fs.readdirSync(`/proc/${pid}/fd`);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === "ENOENT" ? false : null;
  }
  for (const fd of fds) {
    try {
      if (wanted.has(fs.readlinkSync(`/proc/${pid}/fd/${fd}`))) return true;
    } catch {
      // closed meanwhile
    }
  }
  return false;
}

/** The process holding the database open: the one in hindsight.pid, or on Linux any other process. */
export function databaseHolder(dbFile: string): { pid: number; fromLockFile: boolean } | null {
  const file = fs.existsSync(dbFile) ? fs.realpathSync(dbFile) : path.resolve(dbFile);
  const locked = readLockPid(dbFile);
  if (locked !== null && locked !== process.pid && isAlive(locked)) {
    // Without /proc (macOS, Windows) a live pid is taken at its word.
    const open = hasProcFs() ? processHasOpen(locked, file) : null;
    if (open !== false) return { pid: locked, fromLockFile: true };
  }
  if (!hasProcFs()) return null;
  for (const entry of fs.readdirSync("/proc")) {
    const pid = Number(entry);
    if (!Number.isSafeInteger(pid) || pid === process.pid || pid === locked) continue;
    if (processHasOpen(pid, file) === true) return { pid, fromLockFile: false };
  }
  return null;
}

/** Removes a pid file that no live process stands behind. */
export function removeStaleLock(dbFile: string) {
  if (databaseHolder(dbFile) === null) fs.rmSync(lockFileFor(dbFile), { force: true });
}
