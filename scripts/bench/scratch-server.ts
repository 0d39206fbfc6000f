// A production server on a scratch copy of the bench database, for the parts that write (war room, alert burst).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type Database from "better-sqlite3";
import { findFreePort, startServer, type BenchServer } from "./server";
import type { PgBench } from "./pg-bench";

export type ScratchServer = {
  dir: string;
  /** The SQLite copy; on PostgreSQL a placeholder file scripts/start.mjs opens (the data is in `databaseUrl`). */
  dbFile: string;
  /** postgres://… of the scratch database when the copy is on PostgreSQL. */
  databaseUrl?: string;
  server: BenchServer;
  port: number;
  logFile: string;
  cleanup: () => Promise<void>;
};

/**
 * Copies the database (SQLite: online backup; PostgreSQL: CREATE DATABASE … TEMPLATE; the original is not
 * written) and starts a server on the copy.
 */
export async function startScratchServer(
  opts: { root: string; sqlite: Database.Database; pg?: PgBench; distDir: string; port: number; name: string; label: string },
  log: (line?: string) => void,
): Promise<ScratchServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `hindsight-bench-${opts.name}-`));
  let drop = async () => {};
  const cleanup = async () => {
    await drop();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  const dbFile = path.join(dir, `${opts.name}.db`);
  try {
    log("");
    let databaseUrl: string | undefined;
    if (opts.pg) {
      log(`[bench] ${opts.label} (PostgreSQL): copying the bench database to a scratch database (the original is not written)…`);
      const scratch = await opts.pg.scratch(opts.name);
      databaseUrl = scratch.url;
      drop = scratch.drop;
    } else {
      log(`[bench] ${opts.label}: copying the 100k database to ${dbFile} (the original is not written)…`);
      await opts.sqlite.backup(dbFile);
    }
    const port = await findFreePort(opts.port);
    const logFile = path.join(os.tmpdir(), `hindsight-bench-server-${port}.log`);
    const server = await startServer({ root: opts.root, dbFile, databaseUrl, port, distDir: opts.distDir, logFile });
    return { dir, dbFile, databaseUrl, server, port, logFile, cleanup };
  } catch (error) {
    await cleanup();
    throw error;
  }
}
