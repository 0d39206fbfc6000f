import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { afterAll, describe, expect, it } from "vitest";
import { StartupCheckError, checkDataFolderWritable, checkJournalSettings, checkMigrationsKnown, runStartupChecks } from "./startup-checks.mjs";

const migrationsFolder = path.join(process.cwd(), "db", "migrations");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "hindsight-startup-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function migratedDb(name: string) {
  const file = path.join(tmp, name, "hindsight.db");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  migrate(drizzle(sqlite), { migrationsFolder });
  return { file, sqlite };
}

describe("startup checks", () => {
  it("pass on a database migrated by this code, and on a new one", () => {
    const { file, sqlite } = migratedDb("current");
    sqlite.close();
    expect(() => runStartupChecks({ dbFile: file, migrationsFolder })).not.toThrow();
    expect(() => runStartupChecks({ dbFile: path.join(tmp, "fresh", "new", "hindsight.db"), migrationsFolder })).not.toThrow();
  });

  it("refuse a database with migrations newer than the code knows", () => {
    const { file, sqlite } = migratedDb("newer");
    const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, "meta", "_journal.json"), "utf8"));
    const latest = Math.max(...journal.entries.map((entry: { when: number }) => entry.when));
    sqlite.prepare("INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)").run("from-a-newer-version", latest + 1000);
    sqlite.close();
    let error: unknown;
    try {
      runStartupChecks({ dbFile: file, migrationsFolder });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(StartupCheckError);
    expect((error as Error).message).toMatch(/newer than this version of Hindsight.*1 of them unknown here/);
  });

  it("refuse a data folder that is not writable", () => {
    const blocker = path.join(tmp, "a-file");
    fs.writeFileSync(blocker, "");
    expect(() => checkDataFolderWritable(path.join(blocker, "data"))).toThrow(/data folder .*a-file\/data is not writable/);
    if (process.platform === "linux") expect(() => checkDataFolderWritable("/proc")).toThrow(StartupCheckError);
    if (process.getuid?.() !== 0) {
      const locked = path.join(tmp, "locked");
      fs.mkdirSync(locked, { mode: 0o555 });
      expect(() => checkDataFolderWritable(locked)).toThrow(/not writable/);
    }
  });

  it("refuse a database where WAL or synchronous=FULL do not take", () => {
    const memory = new Database(":memory:");
    // An in-memory database cannot use WAL: SQLite keeps journal_mode=memory.
    expect(() => checkJournalSettings(memory)).toThrow(/journal_mode=memory, not WAL/);
    memory.close();

    const { sqlite } = migratedDb("sync");
    const stuck = {
      name: sqlite.name,
      pragma: (source: string, options?: { simple: boolean }) => (source === "synchronous" ? 1 : sqlite.pragma(source, options)),
    };
    expect(() => checkJournalSettings(stuck as unknown as Database.Database)).toThrow(/synchronous=1, not FULL/);
    expect(() => checkJournalSettings(sqlite)).not.toThrow();
    expect(() => checkMigrationsKnown(sqlite, migrationsFolder)).not.toThrow();
    sqlite.close();
  });
});
