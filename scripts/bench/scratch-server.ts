// A production server on a scratch copy of the bench database, for the parts that write (war room, alert burst).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type Database from "better-sqlite3";
import { findFreePort, startServer, type BenchServer } from "./server";

export type ScratchServer = { dir: string; dbFile: string; server: BenchServer; port: number; logFile: string; cleanup: () => void };

/** Copies the database (online backup; the original is not written) and starts a server on the copy. */
export async function startScratchServer(
  opts: { root: string; sqlite: Database.Database; distDir: string; port: number; name: string; label: string },
  log: (line?: string) => void,
): Promise<ScratchServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `hindsight-bench-${opts.name}-`));
  const cleanup = () => fs.rmSync(dir, { recursive: true, force: true });
  const dbFile = path.join(dir, `${opts.name}.db`);
  try {
    log("");
    log(`[bench] ${opts.label}: copying the 100k database to ${dbFile} (the original is not written)…`);
    await opts.sqlite.backup(dbFile);
    const port = await findFreePort(opts.port);
    const logFile = path.join(os.tmpdir(), `hindsight-bench-server-${port}.log`);
    const server = await startServer({ root: opts.root, dbFile, port, distDir: opts.distDir, logFile });
    return { dir, dbFile, server, port, logFile, cleanup };
  } catch (error) {
    cleanup();
    throw error;
  }
}
