// Checks npm start runs before serving: each failure is a StartupCheckError whose message says
// what is wrong and what to do; start.mjs prints it and exits non-zero.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

export class StartupCheckError extends Error {
  name = "StartupCheckError";
}

/** The data folder (where the database, its WAL and the secrets live) exists or can be made, and takes new files. */
export function checkDataFolderWritable(dir) {
  const probe = path.join(dir, `.hindsight-write-check-${process.pid}`);
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(probe, "ok");
    fs.rmSync(probe);
  } catch (error) {
    throw new StartupCheckError(
      `The data folder ${dir} is not writable (${error.code ?? error.message}). Hindsight keeps its database, ` +
        `write-ahead log and secrets there: give the user running it write access, or set DATABASE_PATH to a file in a writable folder.`,
    );
  }
}

/** Sets the journal and sync modes every connection relies on and confirms SQLite accepted them. */
export function checkJournalSettings(sqlite) {
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = FULL");
  const journal = String(sqlite.pragma("journal_mode", { simple: true })).toLowerCase();
  const synchronous = Number(sqlite.pragma("synchronous", { simple: true }));
  if (journal !== "wal") {
    throw new StartupCheckError(
      `The database ${sqlite.name} is in journal_mode=${journal}, not WAL, although WAL was asked for. ` +
        `WAL needs a local file system with shared-memory support (not a network share): move the database to a local disk.`,
    );
  }
  if (synchronous !== 2) {
    throw new StartupCheckError(
      `The database ${sqlite.name} runs with synchronous=${synchronous}, not FULL (2); committed writes could be lost on power failure.`,
    );
  }
}

/** Refuses a database that was migrated by newer code than this (its migrations are unknown here). */
export function checkMigrationsKnown(sqlite, migrationsFolder) {
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, "meta", "_journal.json"), "utf8"));
  const known = journal.entries ?? [];
  const latestKnown = Math.max(0, ...known.map((entry) => entry.when));
  const hasTable = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'").get();
  if (!hasTable) return;
  const applied = sqlite.prepare("SELECT hash, created_at AS createdAt FROM __drizzle_migrations ORDER BY created_at").all();
  const newer = applied.filter((row) => Number(row.createdAt) > latestKnown);
  if (newer.length > 0 || applied.length > known.length) {
    const latest = known.at(-1)?.tag ?? "none";
    throw new StartupCheckError(
      `The database ${sqlite.name} is newer than this version of Hindsight: it has ${applied.length} migrations applied, ` +
        `${newer.length} of them unknown here (this code knows ${known.length}, the latest ${latest}). ` +
        `Run the newer Hindsight it was upgraded with, or restore a backup made by this version.`,
    );
  }
}

/** Runs every check for the database at `dbFile`; throws a StartupCheckError on the first failure. */
export function runStartupChecks({ dbFile, migrationsFolder }) {
  checkDataFolderWritable(path.dirname(dbFile));
  const sqlite = new Database(dbFile);
  try {
    checkJournalSettings(sqlite);
    checkMigrationsKnown(sqlite, migrationsFolder);
  } finally {
    sqlite.close();
  }
}
