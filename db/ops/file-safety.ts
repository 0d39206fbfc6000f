import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";

/** Flushes a file's contents to disk. */
export function fsyncFile(file: string) {
  const fd = fs.openSync(file, "r+");
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Flushes a folder's entries (a rename in it) to disk; not every platform allows it. */
export function fsyncDir(dir: string) {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, "r");
    fs.fsyncSync(fd);
  } catch {
    // Windows cannot open folders; the rename is still atomic.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** A new, empty file beside `file` (same folder, so a rename onto `file` is atomic), mode 0600. */
export function createTempBeside(file: string, label: string): string {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${label}-${process.pid}-${randomBytes(4).toString("hex")}`);
  fs.closeSync(fs.openSync(temp, "wx", 0o600));
  fs.chmodSync(temp, 0o600);
  return temp;
}

export function removeQuietly(file: string) {
  fs.rmSync(file, { force: true });
}

/** Flushes the written `temp` and renames it over `target` (removing it if that fails), then flushes the folder. */
export function installTemp(temp: string, target: string) {
  try {
    fsyncFile(temp);
    fs.renameSync(temp, target);
  } catch (error) {
    removeQuietly(temp);
    throw error;
  }
  fsyncDir(path.dirname(target));
}

/** Copies `from` to `to` with mode 0600, via a temp file and a rename. */
export function copySecretFile(from: string, to: string) {
  const temp = createTempBeside(to, "copy");
  try {
    fs.copyFileSync(from, temp);
    fs.chmodSync(temp, 0o600);
  } catch (error) {
    removeQuietly(temp);
    throw error;
  }
  installTemp(temp, to);
}

/** "2026-12-06T00-54-21-123Z": a timestamp usable in file names. */
export function fileTimestamp(date = new Date()): string {
  return date.toISOString().replace(/:/g, "-").replace(".", "-");
}
