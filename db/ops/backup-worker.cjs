// Runs in a worker thread (db/ops/database-worker.ts) so that copying or checking a large
// database never blocks the event loop of the server that asked for it.
// Tasks: "backup" (VACUUM INTO a consistent snapshot, then inspect the copy) and "inspect".
// VACUUM INTO rather than the online backup API: from a second connection, sqlite3_backup restarts
// whenever the server commits, so under steady writes it might never finish.
const { parentPort, workerData } = require("node:worker_threads");
const Database = require("better-sqlite3");

function snapshot(source, target) {
  const db = new Database(source, { fileMustExist: true });
  try {
    db.pragma("busy_timeout = 5000");
    // One read transaction: the copy holds exactly what was committed when it began,
    // WAL contents included, and writers carry on meanwhile.
    db.prepare("VACUUM INTO ?").run(target);
  } finally {
    db.close();
  }
}

function inspect(file, countedTables) {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const integrity = db.pragma("integrity_check(20)").map((row) => String(row.integrity_check));
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
      .all()
      .map((row) => row.name);
    const has = new Set(tables);
    const migrations = has.has("__drizzle_migrations")
      ? db
          .prepare("SELECT created_at AS createdAt FROM __drizzle_migrations ORDER BY created_at")
          .all()
          .map((row) => Number(row.createdAt))
      : null;
    const counts = {};
    for (const table of countedTables) {
      counts[table] = has.has(table) ? db.prepare(`SELECT count(*) AS n FROM "${table}"`).get().n : null;
    }
    return { integrity, tables, migrations, counts };
  } finally {
    db.close();
  }
}

try {
  const { task, source, target, file, countedTables } = workerData;
  if (task === "backup") {
    snapshot(source, target);
    parentPort.postMessage({ ok: true, result: inspect(target, countedTables) });
  } else if (task === "inspect") {
    parentPort.postMessage({ ok: true, result: inspect(file, countedTables) });
  } else {
    throw new Error(`unknown task ${task}`);
  }
} catch (error) {
  parentPort.postMessage({ ok: false, message: error && error.message ? error.message : String(error), code: error && error.code });
}
