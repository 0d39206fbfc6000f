// npm run bench — builds a database of 100,000 incidents (or reuses BENCH_DB), then prints, against
// the production build (built first when stale; BENCH_DIST_DIR=.next reuses an existing one):
//   1. the insights report in-process (cold and cached) and the dashboard page and API over HTTP;
//   2. the main pages: median server time on the demo data (seeded into a temp dir) and on 100k,
//      and throughput at 20 concurrent next to the framework floor (/bench-floor, 50 rows);
//   3. the slowest requests against a 1 s budget;
//   4. the war room: on a scratch copy of the 100k database, one open SEV1 declared over the API,
//      100 watchers on its event stream (SSE) and 10 writers for 60 s — write latency, propagation
//      delay, events lost or out of order, server CPU and peak RSS;
//   5. the alert burst: on another scratch copy, 1,000 alerts (and re-sends) to an Alertmanager integration
//      in 10 s — accepted, latency, alerts lost (counted in the database), server CPU.
// It prints figures only: a missed target is reported, never a failure. The war room writes to its
// own copy of the database, so BENCH_DB keeps its 100,000 incidents and is reused run after run.
//
//   npm run bench                       generate into a temp dir, measure, clean up
//   BENCH_DB=/tmp/bench.db npm run bench   keep the database there and reuse it next time
//   npm run bench -- --skip-server      in-process timings only
//   npm run bench -- --incidents 20000 --runs 5
//   npm run bench -- --profile          also time each SQL statement of one 365-day report
//   npm run bench -- --skip-slow        leave out the slowest-requests table (1 s budget each)
//   npm run bench -- --slow-only        only the slowest-requests table (and --slow-runs N, default 3)
//   npm run bench -- --skip-pages       leave out the page table (--page-runs 10, --load-seconds 10, --concurrency 20)
//   npm run bench -- --skip-war-room    leave out the war room (--war-seconds 60, --watchers 100, --writers 10,
//                                       --write-interval-ms 1000: each writer's pause between writes, ±50 %)
//   npm run bench -- --skip-alert-burst leave out the alert burst (5.: 1,000 alerts to an Alertmanager integration in
//                                       10 s: --alert-seconds 10, --alert-requests 100, --alerts-per-request 10, --alert-repeats 50)
//   npm run bench -- --alert-burst-only only the alert burst
//   npm run bench -- --war-room-only    only the war room
//   npm run bench -- --pg               also on PostgreSQL: the database copied with npm run db:copy's code into a
//                                       throwaway cluster (scripts/pg-cluster.mjs), or into a new database on
//                                       BENCH_PG_URL (an admin URL); parts 1 and 4 (insights, war room) on both
//                                       engines, then one table with SQLite and PostgreSQL side by side; pages,
//                                       slowest requests and alert burst stay on SQLite
//   npm run bench -- --pg-only          parts 1 and 4 on PostgreSQL only (--engines sqlite,pg = --pg, --engines pg = --pg-only)
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { closeDatabase, getSqlite } from "@/db/client";
import { spawn } from "node:child_process";
import { BENCH_ADMIN_EMAIL, BENCH_PASSWORD } from "../db/seed/bench/catalog";
import { DEFAULT_BENCH_INCIDENTS, DEFAULT_BENCH_SEED, generateBenchData } from "../db/seed/bench/generate-data";
import { findFreePort, signIn, startServer, tail, timedGet, type BenchServer } from "./bench/server";
import { formatTable, ms, summarize, timeRuns, type Summary } from "./bench/stats";
import { benchSlowRequests } from "./bench/slow-requests";
import { pagesOn100k, pagesOnDemo, printPageTable } from "./bench/page-section";
import type { PageRow } from "./bench/pages";
import { benchWarRoom, type WarRoomResult } from "./bench/war-room";
import { benchAlertBurst } from "./bench/alert-burst";
import type { InsightsResult } from "./bench/insights-inprocess";
import { preparePgBench, type PgBench } from "./bench/pg-bench";
import { printEngineTable } from "./bench/engine-table";

const TARGET_MS = 300;
const root = path.resolve(__dirname, "..");

const { values: args } = parseArgs({
  options: {
    incidents: { type: "string", default: String(DEFAULT_BENCH_INCIDENTS) },
    seed: { type: "string", default: String(DEFAULT_BENCH_SEED) },
    runs: { type: "string", default: "15" },
    warmup: { type: "string", default: "2" },
    "case-seconds": { type: "string", default: "120" },
    "skip-server": { type: "boolean", default: false },
    profile: { type: "boolean", default: false },
    "skip-slow": { type: "boolean", default: false },
    "slow-only": { type: "boolean", default: false },
    "slow-runs": { type: "string", default: "3" },
    path: { type: "string", multiple: true },
    "skip-pages": { type: "boolean", default: false },
    "page-runs": { type: "string", default: "10" },
    "load-seconds": { type: "string", default: "10" },
    concurrency: { type: "string", default: "20" },
    "skip-war-room": { type: "boolean", default: false },
    "war-seconds": { type: "string", default: "60" },
    watchers: { type: "string", default: "100" },
    writers: { type: "string", default: "10" },
    "write-interval-ms": { type: "string", default: "1000" },
    "skip-alert-burst": { type: "boolean", default: false },
    "alert-burst-only": { type: "boolean", default: false },
    "war-room-only": { type: "boolean", default: false },
    "alert-seconds": { type: "string", default: "10" },
    "alert-requests": { type: "string", default: "100" },
    "alerts-per-request": { type: "string", default: "10" },
    "alert-repeats": { type: "string", default: "50" },
    pg: { type: "boolean", default: false },
    "pg-only": { type: "boolean", default: false },
    engines: { type: "string" },
  },
});
type Engine = "sqlite" | "pg";
const ENGINE_NAMES: Record<Engine, string> = { sqlite: "SQLite", pg: "PostgreSQL" };
const engines: Engine[] = (() => {
  const listed = args.engines?.split(",").map((e) =>
    e
      .trim()
      .toLowerCase()
      .replace(/^(postgres|postgresql)$/, "pg"),
  );
  const wanted = listed ?? (args["pg-only"] ? ["pg"] : args.pg ? ["sqlite", "pg"] : ["sqlite"]);
  const bad = wanted.filter((e) => e !== "sqlite" && e !== "pg");
  if (bad.length || wanted.length === 0) throw new Error(`--engines ${args.engines}: give sqlite, pg or sqlite,pg`);
  return [...new Set(wanted)] as Engine[];
})();
const withSqlite = engines.includes("sqlite");
const withPg = engines.includes("pg");
const size = Number(args.incidents);
const runs = { warmup: Number(args.warmup), runs: Number(args.runs), budgetMs: Number(args["case-seconds"]) * 1000 };
const pageOptions = {
  warmup: 2,
  runs: Number(args["page-runs"]),
  budgetMs: Number(args["case-seconds"]) * 1000,
  concurrency: Number(args.concurrency),
  loadSeconds: Number(args["load-seconds"]),
};
// The page table, the slowest requests and the alert burst run on SQLite only (PostgreSQL: parts 1 and 4).
const warRoomOnly = args["war-room-only"];
const withPages = withSqlite && !args["skip-pages"] && !args["slow-only"] && !args.path?.length && !warRoomOnly;
const burstOnly = args["alert-burst-only"];
const withWarRoom = !args["skip-war-room"] && !args["slow-only"] && !args.path?.length && !burstOnly;
const withAlertBurst = withSqlite && !args["skip-alert-burst"] && !args["slow-only"] && !args.path?.length && !warRoomOnly;
const withSlow = withSqlite && !args["skip-slow"];
// The moment both engines' reports are compared at (one extra cold report per case, not timed).
const reportsAt = Date.now();
const log = (line = "") => console.log(line);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** The database to measure: BENCH_DB reused when it holds the wanted size, else a new one. */
async function prepareDatabase(): Promise<{ file: string; cleanup: () => void }> {
  const given = process.env.BENCH_DB ? path.resolve(process.env.BENCH_DB) : null;
  if (given && fs.existsSync(given)) {
    process.env.DATABASE_PATH = given;
    const n = (getSqlite().prepare("SELECT count(*) AS n FROM incidents").get() as { n: number }).n;
    if (n !== size)
      throw new Error(
        `BENCH_DB ${given} holds ${n.toLocaleString("en-US")} incidents, not ${size.toLocaleString("en-US")}; delete it or point BENCH_DB at a new file`,
      );
    log(`[bench] Reusing ${given}: ${n.toLocaleString("en-US")} incidents, ${mb(fs.statSync(given).size)} (delete it to generate afresh)`);
    return { file: given, cleanup: () => {} };
  }
  const dir = given ? null : fs.mkdtempSync(path.join(os.tmpdir(), "hindsight-bench-"));
  const file = given ?? path.join(dir!, "bench.db");
  log(`[bench] Generating ${size.toLocaleString("en-US")} incidents into ${file} (seed ${args.seed})…`);
  const result = await generateBenchData({ file, incidents: size, seed: Number(args.seed), log });
  log("");
  log(
    formatTable(
      ["table", "rows"],
      Object.entries(result.counts).map(([t, n]) => [t, n.toLocaleString("en-US")]),
    ),
  );
  log("");
  log(`[bench] Generated in ${(result.ms / 1000).toFixed(1)} s; database ${mb(result.bytes)}`);
  return { file, cleanup: () => dir && fs.rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Part 1 in a child process (scripts/bench/insights-inprocess.ts) with the engine's environment: the engine is
 * chosen at import from DATABASE_URL, and both engines are measured the same way.
 */
async function benchInProcess(engine: Engine, dbFile: string, pg: PgBench | null): Promise<InsightsResult | null> {
  const out = path.join(os.tmpdir(), `hindsight-bench-insights-${engine}-${process.pid}.json`);
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_PATH: dbFile };
  if (engine === "pg") env.DATABASE_URL = pg!.url;
  else delete env.DATABASE_URL;
  const argv = ["--out", out, "--runs", args.runs!, "--warmup", args.warmup!, "--case-seconds", args["case-seconds"]!];
  if (args.profile) argv.push("--profile");
  if (engine === "pg" && pg?.postmasterPid) argv.push("--postmaster", String(pg.postmasterPid));
  argv.push("--now", String(reportsAt));
  const child = spawn(
    path.join(root, "node_modules", ".bin", "tsx"),
    ["--conditions=react-server", path.join(root, "scripts", "bench", "insights-inprocess.ts"), ...argv],
    { cwd: root, env, stdio: ["ignore", "inherit", "inherit"] },
  );
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  try {
    if (code !== 0) {
      log(`[bench] ${ENGINE_NAMES[engine]}: in-process insights not measured (exit ${code})`);
      return null;
    }
    return JSON.parse(fs.readFileSync(out, "utf8")) as InsightsResult;
  } finally {
    fs.rmSync(out, { force: true });
  }
}

async function benchServer(
  engine: Engine,
  dbFile: string,
  pg: PgBench | null,
  portOffset: number,
): Promise<{ results: Map<string, Summary>; pages: PageRow[] }> {
  const results = new Map<string, Summary>();
  let pages: PageRow[] = [];
  const port = await findFreePort(Number(process.env.BENCH_PORT || 3611) + portOffset);
  const logFile = path.join(os.tmpdir(), `hindsight-bench-server-${port}.log`);
  // BENCH_DIST_DIR=.next reuses the build `npm start` or Playwright made instead of a second one.
  const distDir = distDirOf();
  // On PostgreSQL, scripts/start.mjs still opens a SQLite file of its own: a placeholder in a temp dir.
  const placeholder = engine === "pg" ? fs.mkdtempSync(path.join(os.tmpdir(), "hindsight-bench-pg-server-")) : null;
  const on = engine === "pg" ? ` on PostgreSQL (${pg!.url.replace(/:[^:@/]*@/, ":***@")})` : "";
  log("");
  log(`[bench] Starting the production server${on} on port ${port} (NEXT_DIST_DIR=${distDir}; builds first when stale, log: ${logFile})…`);
  const started = performance.now();
  let server: BenchServer | null = null;
  try {
    server = await startServer({
      root,
      dbFile: placeholder ? path.join(placeholder, "unused.db") : dbFile,
      databaseUrl: pg?.url,
      port,
      distDir,
      logFile,
    });
    log(`[bench] Server ready after ${((performance.now() - started) / 1000).toFixed(1)} s; signing in as ${BENCH_ADMIN_EMAIL}`);
    const cookie = await signIn(server.url, BENCH_ADMIN_EMAIL, BENCH_PASSWORD);
    const paths = args["slow-only"] ? [] : args.path?.length ? args.path : ["/insights?range=365", "/api/v1/insights?range=365"];
    const rows: string[][] = [];
    for (const p of paths) {
      const ttfbs: number[] = [];
      let bytes = 0;
      const { samples, cut } = await timeRuns(async () => {
        const r = await timedGet(server!.url + p, cookie);
        ttfbs.push(r.ttfb);
        bytes = r.bytes;
      }, runs);
      const s = summarize(samples);
      results.set(p, s);
      const ttfb = summarize(ttfbs.slice(-samples.length));
      rows.push([`GET ${p}`, `${s.runs}${cut ? "*" : ""}`, ms(s.median), ms(s.p90), ms(s.min), ms(s.max), ms(ttfb.median), `${(bytes / 1024).toFixed(0)} KB`]);
    }
    if (rows.length) {
      log("");
      log(
        `[bench] ${ENGINE_NAMES[engine]}, over HTTP with the admin's session cookie: ${runs.warmup} warm-up + ${runs.runs} timed runs each (full response read)`,
      );
      log("");
      log(formatTable(["request", "runs", "median ms", "p90 ms", "min ms", "max ms", "TTFB median ms", "size"], rows));
      if (rows.some((r) => r[1]!.endsWith("*"))) log("* stopped early: the request ran past its time budget (--case-seconds)");
    }
    if (engine === "sqlite" && withPages) pages = await pagesOn100k(server, cookie, getSqlite(), pageOptions, log);
    if (engine === "sqlite" && withSlow) await benchSlowRequests({ url: server.url, cookie, sqlite: getSqlite(), runs: Number(args["slow-runs"]), log });
  } catch (error) {
    log(`[bench] ${ENGINE_NAMES[engine]}: HTTP timings not measured: ${(error as Error).message}`);
    if (server) log(tail(server.logFile, 10));
  } finally {
    await server?.stop();
    if (server) log(`[bench] Server on port ${port} stopped`);
    if (placeholder) fs.rmSync(placeholder, { recursive: true, force: true });
  }
  return { results, pages };
}

function distDirOf() {
  return process.env.BENCH_DIST_DIR || ".next-bench";
}

function verdict(label: string, s: Summary | undefined): boolean {
  if (!s) {
    log(`[bench] ${label}: not measured`);
    return true;
  }
  log(`[bench] ${label} median ${s.median.toFixed(0)} ms — target < ${TARGET_MS} ms: ${s.median < TARGET_MS ? "met" : "MISSED"}`);
  return s.median < TARGET_MS;
}

async function main() {
  log(
    `[bench] Hindsight bench on ${os.cpus().length} CPUs (${os.cpus()[0]?.model.trim() ?? "unknown"}), Node ${process.version}; load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")}`,
  );
  const db = await prepareDatabase();
  let pg: PgBench | null = null;
  try {
    // PostgreSQL takes part in the insights and the war room only.
    if (withPg && !burstOnly && !args["slow-only"]) pg = await preparePgBench(db.file, log);
    type Figures = { inProcess: InsightsResult | null; http: Map<string, Summary>; warRoom: WarRoomResult | null };
    const figures = new Map<Engine, Figures>(engines.map((e) => [e, { inProcess: null, http: new Map(), warRoom: null }]));
    const measureInProcess = !args["slow-only"] && !burstOnly && !warRoomOnly;
    const measureServer = !args["skip-server"] && !burstOnly && !warRoomOnly;
    // One engine after the other, part by part, so both meet about the same machine load.
    if (measureInProcess) for (const engine of engines) figures.get(engine)!.inProcess = await benchInProcess(engine, db.file, engine === "pg" ? pg : null);
    let pages: PageRow[] = [];
    if (measureServer) {
      for (const [i, engine] of engines.entries()) {
        if (engine === "pg" && args["slow-only"]) continue;
        const measured = await benchServer(engine, db.file, engine === "pg" ? pg : null, i === 0 ? 0 : 4);
        figures.get(engine)!.http = measured.results;
        if (engine === "sqlite") pages = measured.pages;
      }
    }
    if (pages.length) {
      const demo = await pagesOnDemo({ ...pageOptions, root, distDir: distDirOf(), port: Number(process.env.BENCH_PORT || 3611) + 1 }, log);
      printPageTable(pages, demo, pageOptions.concurrency, log);
    }
    if (withWarRoom && !args["skip-server"]) {
      for (const engine of engines) {
        figures.get(engine)!.warRoom = await benchWarRoom(
          {
            root,
            sqlite: getSqlite(),
            pg: engine === "pg" ? pg! : undefined,
            distDir: distDirOf(),
            port: Number(process.env.BENCH_PORT || 3611) + 2,
            seconds: Number(args["war-seconds"]),
            watchers: Number(args.watchers),
            writers: Number(args.writers),
            writeIntervalMs: Number(args["write-interval-ms"]),
          },
          log,
        );
      }
    }
    if (withAlertBurst && !args["skip-server"]) {
      await benchAlertBurst(
        {
          root,
          sqlite: getSqlite(),
          distDir: distDirOf(),
          port: Number(process.env.BENCH_PORT || 3611) + 3,
          seconds: Number(args["alert-seconds"]),
          requests: Number(args["alert-requests"]),
          alertsPerRequest: Number(args["alerts-per-request"]),
          repeats: Number(args["alert-repeats"]),
          groups: 20,
        },
        log,
      );
    }
    if (burstOnly) return;
    if (pg && !args["slow-only"]) {
      log("");
      printEngineTable(
        engines.map((engine) => ({ engine: ENGINE_NAMES[engine], ...figures.get(engine)! })),
        { watchers: Number(args.watchers), writers: Number(args.writers), seconds: Number(args["war-seconds"]), database: pg.describe },
        log,
      );
    }
    if (warRoomOnly) return;
    let met = true;
    for (const engine of engines) {
      const { inProcess, http } = figures.get(engine)!;
      const target = inProcess?.cases[0];
      const on = engines.length > 1 || engine === "pg" ? `${ENGINE_NAMES[engine]}: ` : "";
      log("");
      met = verdict(`${on}insights 365 d (getInsights in-process, cold)`, target?.cold) && met;
      verdict(`${on}insights 365 d (getInsights in-process, cached)`, target?.cached);
      if (!args["skip-server"] && !args.path?.length && !args["slow-only"]) {
        verdict(`${on}dashboard page /insights?range=365 (cached after the warm-up request)`, http.get("/insights?range=365"));
        verdict(`${on}API /api/v1/insights?range=365 (cached after the warm-up request)`, http.get("/api/v1/insights?range=365"));
      }
    }
    if (!met && !args.profile) log("[bench] Run with --profile to see which SQL statements take the time.");
  } finally {
    await closeDatabase();
    db.cleanup();
    await pg?.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error("[bench] Failed:", error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
