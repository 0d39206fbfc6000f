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
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { getSqlite } from "@/db/client";
import { getInsights } from "@/db/queries/insights";
import type { Actor } from "@/lib/actor";
import { BENCH_ADMIN_EMAIL, BENCH_PASSWORD } from "../db/seed/bench/catalog";
import { DEFAULT_BENCH_INCIDENTS, DEFAULT_BENCH_SEED, generateBenchData } from "../db/seed/bench/generate-data";
import { findFreePort, signIn, startServer, tail, timedGet, type BenchServer } from "./bench/server";
import { printProfile, profileStatements } from "./bench/profile";
import { formatTable, ms, summarize, timeRuns, type Summary } from "./bench/stats";
import { benchSlowRequests } from "./bench/slow-requests";
import { pagesOn100k, pagesOnDemo, printPageTable } from "./bench/page-section";
import type { PageRow } from "./bench/pages";
import { benchWarRoom } from "./bench/war-room";
import { benchAlertBurst } from "./bench/alert-burst";

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
    "alert-seconds": { type: "string", default: "10" },
    "alert-requests": { type: "string", default: "100" },
    "alerts-per-request": { type: "string", default: "10" },
    "alert-repeats": { type: "string", default: "50" },
  },
});
const size = Number(args.incidents);
const runs = { warmup: Number(args.warmup), runs: Number(args.runs), budgetMs: Number(args["case-seconds"]) * 1000 };
const pageOptions = {
  warmup: 2,
  runs: Number(args["page-runs"]),
  budgetMs: Number(args["case-seconds"]) * 1000,
  concurrency: Number(args.concurrency),
  loadSeconds: Number(args["load-seconds"]),
};
const withPages = !args["skip-pages"] && !args["slow-only"] && !args.path?.length;
const burstOnly = args["alert-burst-only"];
const withWarRoom = !args["skip-war-room"] && !args["slow-only"] && !args.path?.length && !burstOnly;
const withAlertBurst = !args["skip-alert-burst"] && !args["slow-only"] && !args.path?.length;
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

function adminActor(): Actor & { kind: "user" } {
  const row = getSqlite().prepare("SELECT id, name, email, role FROM users WHERE email = ?").get(BENCH_ADMIN_EMAIL) as
    { id: number; name: string; email: string; role: string } | undefined;
  if (!row || row.role !== "admin") throw new Error(`The bench database has no admin ${BENCH_ADMIN_EMAIL}; let the bench generate it`);
  return { kind: "user", userId: row.id, role: "admin", email: row.email, name: row.name, ip: null };
}

/** The filter cases: the 365-day target, shorter ranges, and 365 days narrowed three ways. */
function insightCases(): { label: string; query: Record<string, string> }[] {
  const sqlite = getSqlite();
  const service = sqlite
    .prepare("SELECT s.slug FROM incident_services x JOIN services s ON s.id = x.service_id GROUP BY s.id ORDER BY count(*) DESC LIMIT 1")
    .get() as { slug: string };
  const team = sqlite.prepare("SELECT id, name FROM teams ORDER BY id LIMIT 1").get() as { id: number; name: string };
  return [
    { label: "range=365 (target)", query: { range: "365" } },
    { label: "range=90", query: { range: "90" } },
    { label: "range=30", query: { range: "30" } },
    { label: "range=365 severity=SEV1,SEV2", query: { range: "365", severity: "SEV1,SEV2" } },
    { label: `range=365 service=${service.slug}`, query: { range: "365", service: service.slug } },
    { label: `range=365 team=${team.id} (${team.name})`, query: { range: "365", team: String(team.id) } },
  ];
}

/** The floor on the same machine and moment: one plain read of the facts a 365-day report covers (both periods). */
async function scanFloor(): Promise<string> {
  const statement = getSqlite().prepare("SELECT count(*), sum(detect_ms) FROM incident_facts WHERE started_at >= ?");
  const { samples, cpu } = await timeRuns(() => statement.get(Date.now() - 730 * 86_400_000), runs);
  return `[bench] Floor: counting and summing the 730 days of incident_facts a 365-day report reads, median ${ms(summarize(samples).median)} ms (CPU ${ms(summarize(cpu).median)} ms)`;
}

async function benchInProcess(): Promise<{ cold: Summary; warm: Summary }> {
  const actor = adminActor();
  log("");
  log(
    `[bench] getInsights in-process as ${actor.email}: ${runs.warmup} warm-up + ${runs.runs} timed runs per case (fewer past ${args["case-seconds"]} s a case)`,
  );
  log(
    "[bench] cold = computed from the database every time (cache bypassed); cached = the same report served again while the data is unchanged (at most 60 s)",
  );
  const rows: string[][] = [];
  let target: { cold: Summary; warm: Summary } | null = null;
  for (const c of insightCases()) {
    const { samples, cpu, last, cut } = await timeRuns(() => getInsights({ actor, query: c.query, fresh: true }), runs);
    const s = summarize(samples);
    const warm = summarize((await timeRuns(() => getInsights({ actor, query: c.query }), runs)).samples);
    target ??= { cold: s, warm };
    const scope = last.scope;
    rows.push([
      c.label,
      scope.current.incidents.toLocaleString("en-US"),
      scope.previous.incidents.toLocaleString("en-US"),
      `${s.runs}${cut ? "*" : ""}`,
      ms(s.median),
      ms(s.p90),
      ms(s.min),
      ms(s.max),
      ms(summarize(cpu).median),
      ms(warm.median),
    ]);
  }
  log("");
  log(
    formatTable(
      ["case", "in scope", "previous", "runs", "cold median ms", "cold p90 ms", "cold min ms", "cold max ms", "cold CPU median ms", "cached median ms"],
      rows,
    ),
  );
  log("");
  log(await scanFloor());
  if (rows.some((r) => r[3]!.endsWith("*"))) log("* stopped early: the case ran past its time budget (--case-seconds)");
  const mem = process.memoryUsage();
  log("");
  log(`[bench] Process RSS after: ${mb(mem.rss)} (heap used ${mb(mem.heapUsed)})`);
  if (args.profile) {
    log("");
    const { calls, totalMs } = await profileStatements(getSqlite(), () => getInsights({ actor, query: { range: "365" }, fresh: true }));
    printProfile(getSqlite(), calls, totalMs, log);
  }
  return target!;
}

async function benchServer(dbFile: string): Promise<{ results: Map<string, Summary>; pages: PageRow[] }> {
  const results = new Map<string, Summary>();
  let pages: PageRow[] = [];
  const port = await findFreePort(Number(process.env.BENCH_PORT || 3611));
  const logFile = path.join(os.tmpdir(), `hindsight-bench-server-${port}.log`);
  // BENCH_DIST_DIR=.next reuses the build `npm start` or Playwright made instead of a second one.
  const distDir = distDirOf();
  log("");
  log(`[bench] Starting the production server on port ${port} (NEXT_DIST_DIR=${distDir}; builds first when stale, log: ${logFile})…`);
  const started = performance.now();
  let server: BenchServer | null = null;
  try {
    server = await startServer({ root, dbFile, port, distDir, logFile });
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
      log(`[bench] Over HTTP with the admin's session cookie: ${runs.warmup} warm-up + ${runs.runs} timed runs each (full response read)`);
      log("");
      log(formatTable(["request", "runs", "median ms", "p90 ms", "min ms", "max ms", "TTFB median ms", "size"], rows));
      if (rows.some((r) => r[1]!.endsWith("*"))) log("* stopped early: the request ran past its time budget (--case-seconds)");
    }
    if (withPages) pages = await pagesOn100k(server, cookie, getSqlite(), pageOptions, log);
    if (!args["skip-slow"]) await benchSlowRequests({ url: server.url, cookie, sqlite: getSqlite(), runs: Number(args["slow-runs"]), log });
  } catch (error) {
    log(`[bench] HTTP timings not measured: ${(error as Error).message}`);
    if (server) log(tail(server.logFile, 10));
  } finally {
    await server?.stop();
    if (server) log(`[bench] Server on port ${port} stopped`);
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
  try {
    const inProcess = args["slow-only"] || burstOnly ? null : await benchInProcess();
    const { results: http, pages } = args["skip-server"] || burstOnly ? { results: new Map<string, Summary>(), pages: [] } : await benchServer(db.file);
    if (pages.length) {
      const demo = await pagesOnDemo({ ...pageOptions, root, distDir: distDirOf(), port: Number(process.env.BENCH_PORT || 3611) + 1 }, log);
      printPageTable(pages, demo, pageOptions.concurrency, log);
    }
    if (withWarRoom && !args["skip-server"]) {
      await benchWarRoom(
        {
          root,
          sqlite: getSqlite(),
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
    log("");
    const met = verdict("insights 365 d (getInsights in-process, cold)", inProcess?.cold);
    verdict("insights 365 d (getInsights in-process, cached)", inProcess?.warm);
    if (!args["skip-server"] && !args.path?.length && !args["slow-only"]) {
      verdict("dashboard page /insights?range=365 (cached after the warm-up request)", http.get("/insights?range=365"));
      verdict("API /api/v1/insights?range=365 (cached after the warm-up request)", http.get("/api/v1/insights?range=365"));
    }
    if (!met && !args.profile) log("[bench] Run with --profile to see which SQL statements take the time.");
  } finally {
    getSqlite().close();
    db.cleanup();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error("[bench] Failed:", error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
