// The page part of `npm run bench`: the 100k figures on the server the bench already runs, then
// a demo database (npm run seed:demo into a temp dir) on a second server from the same build.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { DEMO_PASSWORD, DEMO_PEOPLE } from "../../db/seed/demo/people";
import { findFreePort, signIn, startServer, tail, type BenchServer } from "./server";
import { formatTable } from "./stats";
import { PAGE_TABLE_HEADER, pageCases, pageLoad, pageMedians, pageTableRows, pageVerdicts, type PageRow } from "./pages";

export type PageOptions = { warmup: number; runs: number; budgetMs: number; concurrency: number; loadSeconds: number };
type Log = (line?: string) => void;

/** Median server time of every page on the 100k server, then each page (and the floor) at 20 concurrent. */
export async function pagesOn100k(server: BenchServer, cookie: string, sqlite: Database.Database, opts: PageOptions, log: Log): Promise<PageRow[]> {
  const cases = pageCases(sqlite);
  log("");
  log(
    `[bench] Pages on 100k (load average ${os.loadavg()[0]!.toFixed(1)}): ${opts.warmup} warm-up + ${opts.runs} sequential runs each, then ${opts.concurrency} concurrent clients for ${opts.loadSeconds} s each`,
  );
  log(
    `[bench]   incident pages: ${cases
      .filter((c) => c.path.startsWith("/incidents/"))
      .map((c) => `${c.label} = ${c.path}`)
      .join("; ")}`,
  );
  const medians = await pageMedians(server.url, cookie, cases, opts);
  const rows: PageRow[] = [];
  for (const c of cases) {
    const load = await pageLoad(server.url, cookie, c.path, opts.concurrency, opts.loadSeconds);
    log(
      `[bench]   ${c.label}: median ${medians.get(c.key)!.median.toFixed(0)} ms; @${opts.concurrency}: ${load.reqPerSec.toFixed(1)} req/s, p50 ${load.p50.toFixed(0)} ms (${load.requests} requests, ${load.errors} errors)`,
    );
    rows.push({ key: c.key, label: c.label, big: medians.get(c.key), load });
  }
  return rows;
}

/** Seeds a demo database into a temp dir with `npm run seed:demo` (its own process, its own DATABASE_PATH). */
function seedDemoDatabase(root: string): { file: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hindsight-bench-demo-"));
  const file = path.join(dir, "demo.db");
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_PATH: file };
  delete env.HINDSIGHT_ADMIN_EMAIL;
  delete env.HINDSIGHT_ADMIN_PASSWORD;
  const seed = spawnSync(path.join(root, "node_modules", ".bin", "tsx"), ["--conditions=react-server", path.join(root, "scripts", "seed-demo.ts")], {
    cwd: root,
    env,
    encoding: "utf8",
  });
  if (seed.status !== 0) throw new Error(`npm run seed:demo failed (${seed.status}): ${(seed.stderr || seed.stdout).slice(-500)}`);
  return { file, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** Median server time of the same pages on a fresh demo database, on its own server from the same build. */
export async function pagesOnDemo(
  opts: PageOptions & { root: string; distDir: string; port: number },
  log: Log,
): Promise<Map<string, { label: string; median: PageRow["demo"] }>> {
  const db = seedDemoDatabase(opts.root);
  const result = new Map<string, { label: string; median: PageRow["demo"] }>();
  let server: BenchServer | null = null;
  try {
    const sqlite = new Database(db.file, { readonly: true });
    const cases = pageCases(sqlite);
    const incidents = (sqlite.prepare("SELECT count(*) AS n FROM incidents").get() as { n: number }).n;
    sqlite.close();
    const port = await findFreePort(opts.port);
    const logFile = path.join(os.tmpdir(), `hindsight-bench-server-${port}.log`);
    log("");
    log(`[bench] Pages on the demo data (${incidents} incidents, npm run seed:demo) on a second server, port ${port} (log: ${logFile})`);
    log(
      `[bench]   incident pages: ${cases
        .filter((c) => c.path.startsWith("/incidents/"))
        .map((c) => `${c.label} = ${c.path}`)
        .join("; ")}`,
    );
    server = await startServer({ root: opts.root, dbFile: db.file, port, distDir: opts.distDir, logFile });
    const admin = DEMO_PEOPLE.find((p) => p.role === "admin")!;
    const cookie = await signIn(server.url, admin.email, DEMO_PASSWORD);
    const medians = await pageMedians(server.url, cookie, cases, opts);
    for (const c of cases) result.set(c.key, { label: c.label, median: medians.get(c.key) });
  } catch (error) {
    log(`[bench] Demo pages not measured: ${(error as Error).message}`);
    if (server) log(tail(server.logFile, 10));
  } finally {
    await server?.stop();
    db.cleanup();
  }
  return result;
}

/** Prints the page table (demo medians joined to the 100k rows by page) and the verdicts. */
export function printPageTable(big: PageRow[], demo: Map<string, { median: PageRow["demo"] }>, concurrency: number, log: Log) {
  const rows = big.map((r) => ({ ...r, demo: demo.get(r.key)?.median }));
  log("");
  log(
    formatTable(
      PAGE_TABLE_HEADER.map((h) => h.replace("@20", `@${concurrency}`)),
      pageTableRows(rows),
    ),
  );
  log("(median = sequential requests, full response read; ! = over 1.5×; floor req/s repeated on every row for comparison)");
  for (const line of pageVerdicts(rows)) log(`[bench] ${line}`);
}
