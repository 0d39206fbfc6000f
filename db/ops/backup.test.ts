// npm run backup / restore at the data layer: a consistent copy while another connection writes,
// a verified restore that keeps the replaced database aside, and refusal while a process holds it.
import Database from "better-sqlite3";
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { BackupError, backupDatabase } from "./backup";
import { openDatabase } from "../client";
import { RestoreError, restoreDatabase } from "./restore";
import { lockFileFor } from "./server-lock";

// Worker threads and child processes: slow on a loaded machine.
vi.setConfig({ testTimeout: 60_000 });

let dir: string;
let file: string;
const children: ChildProcess[] = [];

/** A migrated Hindsight database with `rows` audit entries. */
function makeDatabase(target: string, rows = 0, label = "seed") {
  const { sqlite } = openDatabase(target);
  const insert = sqlite.prepare("INSERT INTO audit_log (at, actor_label, action, entity_type, entity_id, after) VALUES (?, 'test', ?, 'test', ?, ?)");
  sqlite.transaction(() => {
    for (let i = 0; i < rows; i++) insert.run(Date.now(), label, String(i), "x".repeat(200));
  })();
  sqlite.close();
}

const auditIds = (db: string, action?: string) => {
  const sqlite = new Database(db, { readonly: true });
  try {
    const sql = action ? "SELECT id FROM audit_log WHERE action = ? ORDER BY id" : "SELECT id FROM audit_log ORDER BY id";
    return (sqlite.prepare(sql).all(...(action ? [action] : [])) as { id: number }[]).map((r) => r.id);
  } finally {
    sqlite.close();
  }
};

const integrity = (db: string) => {
  const sqlite = new Database(db, { readonly: true });
  try {
    return sqlite.pragma("integrity_check", { simple: true });
  } finally {
    sqlite.close();
  }
};

/** A separate process that opens the database and keeps it open until killed. */
function holdOpen(db: string): Promise<ChildProcess> {
  const code = `const D = require("better-sqlite3"); const db = new D(${JSON.stringify(db)}); db.prepare("SELECT count(*) FROM users").get(); console.log("open"); setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ["-e", code], { cwd: process.cwd(), stdio: ["ignore", "pipe", "inherit"] });
  children.push(child);
  return new Promise((resolve, reject) => {
    child.stdout!.once("data", () => resolve(child));
    child.once("exit", (c) => reject(new Error(`holder exited ${c}`)));
  });
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "hindsight-backup-test-"));
  file = path.join(dir, "hindsight.db");
});

afterEach(() => {
  for (const child of children.splice(0)) child.kill("SIGKILL");
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("backupDatabase", () => {
  it("holds every row committed before it began, WAL included, while another connection keeps writing", async () => {
    makeDatabase(file, 5_000);
    const writer = new Database(file);
    writer.pragma("journal_mode = WAL");
    // Nothing is checkpointed: the rows written below live only in the WAL, as in a busy server.
    writer.pragma("wal_autocheckpoint = 0");
    const insert = writer.prepare("INSERT INTO audit_log (at, actor_label, action, entity_type, after) VALUES (?, 'writer', 'live', 'test', ?)");
    const committed: number[] = [];
    const write = () => committed.push(Number(insert.run(Date.now(), "y".repeat(200)).lastInsertRowid));
    for (let i = 0; i < 200; i++) write();
    expect(fs.statSync(`${file}-wal`).size).toBeGreaterThan(0);

    let writing = true;
    let duringBackup = 0;
    const loop = () => {
      if (!writing) return;
      write();
      duringBackup++;
      setImmediate(loop);
    };
    const beforeStart = [...committed];
    setImmediate(loop);
    const result = await backupDatabase({ source: file, target: path.join(dir, "copy.db") });
    writing = false;
    writer.close();

    expect(duringBackup).toBeGreaterThan(0);
    const copied = new Set(auditIds(result.file, "live"));
    expect(beforeStart.filter((id) => !copied.has(id))).toEqual([]);
    expect(auditIds(result.file, "seed")).toHaveLength(5_000);
    expect(integrity(result.file)).toBe("ok");
    expect(fs.statSync(result.file).mode & 0o777).toBe(0o600);
    expect(result.counts).toEqual({ incidents: 0, timeline_entries: 0, postmortems: 0, action_items: 0, users: 0, services: 0 });
    // Only the database, its WAL files and the backup: no temp file left behind.
    expect(
      fs
        .readdirSync(dir)
        .filter((f) => !/-(wal|shm)$/.test(f))
        .sort(),
    ).toEqual(["copy.db", "hindsight.db"]);
  });

  it("refuses to replace a file without force, and explains a missing or unwritable folder", async () => {
    makeDatabase(file, 3);
    const target = path.join(dir, "b.db");
    fs.writeFileSync(target, "keep me");
    await expect(backupDatabase({ source: file, target })).rejects.toThrow(/already exists; pass --force/);
    expect(fs.readFileSync(target, "utf8")).toBe("keep me");
    await backupDatabase({ source: file, target, force: true });
    expect(auditIds(target)).toHaveLength(3);

    await expect(backupDatabase({ source: file, target: path.join(dir, "no", "b.db") })).rejects.toThrow(/does not exist/);
    await expect(backupDatabase({ source: path.join(dir, "none.db"), target: path.join(dir, "c.db") })).rejects.toThrow(/no database/);
    await expect(backupDatabase({ source: file, target: file })).rejects.toBeInstanceOf(BackupError);
    if (process.getuid?.() !== 0) {
      const locked = path.join(dir, "locked");
      fs.mkdirSync(locked, { mode: 0o500 });
      await expect(backupDatabase({ source: file, target: path.join(locked, "b.db") })).rejects.toThrow(/not writable/);
    }
  });

  it("copies the session secret beside the backup only when asked", async () => {
    makeDatabase(file, 1);
    fs.writeFileSync(path.join(dir, "auth-secret"), "s3cret", { mode: 0o600 });
    const plain = await backupDatabase({ source: file, target: path.join(dir, "plain.db") });
    expect(plain.secret).toBeNull();
    expect(fs.existsSync(path.join(dir, "plain.db.auth-secret"))).toBe(false);
    const withSecret = await backupDatabase({ source: file, target: path.join(dir, "with.db"), withSecret: true });
    expect(withSecret.secret).toEqual({ copiedTo: path.join(dir, "with.db.auth-secret") });
    expect(fs.readFileSync(path.join(dir, "with.db.auth-secret"), "utf8")).toBe("s3cret");
    expect(fs.statSync(path.join(dir, "with.db.auth-secret")).mode & 0o777).toBe(0o600);
  });
});

describe("restoreDatabase", () => {
  it("puts the backup in place and keeps the replaced database, with what only its WAL held, aside", async () => {
    makeDatabase(file, 5, "before");
    const backup = path.join(dir, "b.db");
    await backupDatabase({ source: file, target: backup });
    // Later writes that only a WAL file holds (the writer was killed without a checkpoint).
    const later = `const D = require("better-sqlite3"); const db = new D(${JSON.stringify(file)}); db.pragma("wal_autocheckpoint = 0");
      for (let i = 0; i < 7; i++) db.prepare("INSERT INTO audit_log (at, actor_label, action, entity_type) VALUES (1, 't', 'after', 't')").run();
      process.kill(process.pid, "SIGKILL");`;
    await new Promise((resolve) => spawn(process.execPath, ["-e", later], { cwd: process.cwd(), stdio: "inherit" }).on("exit", resolve));
    expect(fs.existsSync(`${file}-wal`)).toBe(true);

    const result = await restoreDatabase({ backup, target: file });
    expect(auditIds(file, "before")).toHaveLength(5);
    expect(auditIds(file, "after")).toHaveLength(0);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    expect(result.replacedAs).toMatch(/hindsight\.db\.replaced-\d{4}-\d\d-\d\dT/);
    expect(auditIds(result.replacedAs!, "after")).toHaveLength(7);
    expect(auditIds(result.replacedAs!, "before")).toHaveLength(5);
    expect(integrity(file)).toBe("ok");
    expect(fs.readdirSync(dir).filter((f) => f.includes("restoring"))).toEqual([]);
  });

  it("refuses while another process has the database open, with or without its pid file", async () => {
    makeDatabase(file, 2);
    const backup = path.join(dir, "b.db");
    await backupDatabase({ source: file, target: backup });
    const holder = await holdOpen(file);
    fs.writeFileSync(lockFileFor(file), `${holder.pid}\n`);
    await expect(restoreDatabase({ backup, target: file })).rejects.toThrow(new RegExp(`pid ${holder.pid}.*stop the Hindsight server`));
    if (fs.existsSync("/proc/self/fd")) {
      fs.rmSync(lockFileFor(file));
      await expect(restoreDatabase({ backup, target: file })).rejects.toBeInstanceOf(RestoreError);
    }
    expect(fs.readdirSync(dir).filter((f) => f.includes("replaced") || f.includes("restoring"))).toEqual([]);
    holder.kill("SIGKILL");
    await new Promise((resolve) => holder.once("exit", resolve));
    // A stale pid file (that process is gone) does not block a restore.
    fs.writeFileSync(lockFileFor(file), `${holder.pid}\n`);
    await restoreDatabase({ backup, target: file });
    expect(fs.existsSync(lockFileFor(file))).toBe(false);
  });

  it("a live pid that does not have the database open is stale too (Linux)", async () => {
    if (!fs.existsSync("/proc/self/fd")) return;
    makeDatabase(file, 2);
    const backup = path.join(dir, "b.db");
    await backupDatabase({ source: file, target: backup });
    const other = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "ignore" });
    children.push(other);
    fs.writeFileSync(lockFileFor(file), `${other.pid}\n`);
    await expect(restoreDatabase({ backup, target: file })).resolves.toMatchObject({ target: file });
  });

  it("refuses a file that is not a sound Hindsight database and changes nothing", async () => {
    makeDatabase(file, 2);
    const junk = path.join(dir, "junk.db");
    fs.writeFileSync(junk, "not a database at all, just some bytes".repeat(200));
    await expect(restoreDatabase({ backup: junk, target: file })).rejects.toThrow(/not a readable SQLite database/);
    const other = path.join(dir, "other.db");
    const sqlite = new Database(other);
    sqlite.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)");
    sqlite.close();
    await expect(restoreDatabase({ backup: other, target: file })).rejects.toThrow(/not a Hindsight database/);
    await expect(restoreDatabase({ backup: path.join(dir, "missing.db"), target: file })).rejects.toThrow(/no backup file/);
    expect(auditIds(file)).toHaveLength(2);
    expect(
      fs
        .readdirSync(dir)
        .filter((f) => !/-(wal|shm)$/.test(f))
        .sort(),
    ).toEqual(["hindsight.db", "junk.db", "other.db"]);
  });

  it("refuses a backup from a newer version of Hindsight", async () => {
    makeDatabase(file, 1);
    const newer = path.join(dir, "newer.db");
    await backupDatabase({ source: file, target: newer });
    const sqlite = new Database(newer);
    sqlite.prepare("INSERT INTO __drizzle_migrations (hash, created_at) VALUES ('future', ?)").run(Date.now() + 10 ** 10);
    sqlite.close();
    await expect(restoreDatabase({ backup: newer, target: file })).rejects.toThrow(/newer version of Hindsight/);
  });
});
