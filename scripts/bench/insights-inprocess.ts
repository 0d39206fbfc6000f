// Part 1 of `npm run bench`: getInsights in-process, cold and cached, for the filter cases, next to a floor
// measured in the same run. Run by scripts/bench.ts in a child process for each engine — the engine is chosen
// at import from DATABASE_URL (db/dialect.ts) — so SQLite and PostgreSQL are measured the same way:
//   DATABASE_PATH=bench.db | DATABASE_URL=postgres://… \
//   tsx --conditions=react-server scripts/bench/insights-inprocess.ts --out result.json [--runs 15 --warmup 2 --case-seconds 120 --profile]
// Prints the table; writes the figures as JSON to --out for the side-by-side table.
import fs from "node:fs";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import type pg from "pg";
import { closeDatabase, getSqlite, prepareDatabase } from "@/db/client";
import { dialect } from "@/db/dialect";
import { row } from "@/db/sql";
import { getInsights } from "@/db/queries/insights";
import type { Actor } from "@/lib/actor";
import { BENCH_ADMIN_EMAIL } from "../../db/seed/bench/catalog";
import { formatTable, ms, summarize, timeRuns, type Summary } from "./stats";
import { printPgProfile, printProfile, profilePgStatements, profileStatements } from "./profile";
import { samplePostgres } from "./proc-stats";

export type InsightsCaseResult = {
  label: string;
  inScope: number;
  previous: number;
  cold: Summary;
  cpu: Summary;
  /** PostgreSQL's own CPU per cold report (mean over the warm-up and timed runs), when it runs on this machine. */
  dbCpuMs: number | null;
  cached: Summary;
  cut: boolean;
  /** One more cold report at the `--now` the parent gives both engines, so the bench can compare their figures. */
  report: unknown;
};
export type InsightsResult = {
  engine: "sqlite" | "pg";
  cases: InsightsCaseResult[];
  floor: { median: number; cpu: number };
  rssBytes: number;
  heapBytes: number;
};

const { values: args } = parseArgs({
  options: {
    out: { type: "string" },
    runs: { type: "string", default: "15" },
    warmup: { type: "string", default: "2" },
    "case-seconds": { type: "string", default: "120" },
    profile: { type: "boolean", default: false },
    postmaster: { type: "string" },
    now: { type: "string" },
  },
});
const postmaster = args.postmaster ? Number(args.postmaster) : null;
const dbCpu = () => (postmaster ? (samplePostgres(postmaster, { memory: false })?.cpuMs ?? null) : null);
const runs = { warmup: Number(args.warmup), runs: Number(args.runs), budgetMs: Number(args["case-seconds"]) * 1000 };
const log = (line = "") => console.log(line);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

async function adminActor(): Promise<Actor & { kind: "user" }> {
  const user = await row<{ id: number; name: string; email: string; role: string }>(
    sql`SELECT id, name, email, role FROM users WHERE email = ${BENCH_ADMIN_EMAIL}`,
  );
  if (!user || user.role !== "admin") throw new Error(`The bench database has no admin ${BENCH_ADMIN_EMAIL}; let the bench generate it`);
  return { kind: "user", userId: user.id, role: "admin", email: user.email, name: user.name, ip: null };
}

/** The filter cases: the 365-day target, shorter ranges, and 365 days narrowed three ways (the same service and team on both engines). */
async function insightCases(): Promise<{ label: string; query: Record<string, string> }[]> {
  const service = (await row<{ slug: string }>(
    sql`SELECT s.slug FROM incident_services x JOIN services s ON s.id = x.service_id GROUP BY s.id, s.slug ORDER BY count(*) DESC, s.id LIMIT 1`,
  ))!;
  const team = (await row<{ id: number; name: string }>(sql`SELECT id, name FROM teams ORDER BY id LIMIT 1`))!;
  return [
    { label: "range=365 (target)", query: { range: "365" } },
    { label: "range=90", query: { range: "90" } },
    { label: "range=30", query: { range: "30" } },
    { label: "range=365 severity=SEV1,SEV2", query: { range: "365", severity: "SEV1,SEV2" } },
    { label: `range=365 service=${service.slug}`, query: { range: "365", service: service.slug } },
    { label: `range=365 team=${team.id} (${team.name})`, query: { range: "365", team: String(team.id) } },
  ];
}

const FLOOR_SQL = "SELECT count(*), sum(detect_ms) FROM incident_facts WHERE started_at >= ";

/**
 * The floor on the same machine, engine and moment: one plain read of the facts a 365-day report covers
 * (both periods), a prepared statement on the engine's own driver.
 */
async function scanFloor(): Promise<{ median: number; cpu: number }> {
  const since = () => Date.now() - 730 * 86_400_000;
  let read: () => unknown;
  let done = async () => {};
  if (dialect === "pg") {
    const { connectPg } = await import("@/db/pg-client");
    const client: pg.PoolClient = await connectPg().pool.connect();
    read = () => client.query({ name: "bench_floor", text: `${FLOOR_SQL}$1`, values: [since()] });
    done = async () => client.release();
  } else {
    const statement = getSqlite().prepare(`${FLOOR_SQL}?`);
    read = () => statement.get(since());
  }
  try {
    const { samples, cpu } = await timeRuns(read, runs);
    return { median: summarize(samples).median, cpu: summarize(cpu).median };
  } finally {
    await done();
  }
}

async function main() {
  await prepareDatabase();
  const engine = dialect === "pg" ? "PostgreSQL" : "SQLite";
  const actor = await adminActor();
  log("");
  log(
    `[bench] ${engine}: getInsights in-process as ${actor.email}: ${runs.warmup} warm-up + ${runs.runs} timed runs per case (fewer past ${args["case-seconds"]} s a case)`,
  );
  log(
    "[bench] cold = computed from the database every time (cache bypassed); cached = the same report served again while the data is unchanged (at most 60 s)",
  );
  const cases: InsightsCaseResult[] = [];
  for (const c of await insightCases()) {
    let calls = 0;
    const dbBefore = dbCpu();
    const { samples, cpu, last, cut } = await timeRuns(() => {
      calls++;
      return getInsights({ actor, query: c.query, fresh: true });
    }, runs);
    const dbAfter = dbCpu();
    const cached = summarize((await timeRuns(() => getInsights({ actor, query: c.query }), runs)).samples);
    cases.push({
      label: c.label,
      inScope: last.scope.current.incidents,
      previous: last.scope.previous.incidents,
      cold: summarize(samples),
      cpu: summarize(cpu),
      dbCpuMs: dbBefore === null || dbAfter === null ? null : (dbAfter - dbBefore) / calls,
      cached,
      cut,
      report: await getInsights({ actor, query: c.query, fresh: true, now: args.now ? Number(args.now) : Date.now() }),
    });
  }
  log("");
  log(
    formatTable(
      [
        "case",
        "in scope",
        "previous",
        "runs",
        "cold median ms",
        "cold p90 ms",
        "cold min ms",
        "cold max ms",
        "cold CPU median ms",
        ...(postmaster ? ["PostgreSQL CPU ms"] : []),
        "cached median ms",
      ],
      cases.map((c) => [
        c.label,
        c.inScope.toLocaleString("en-US"),
        c.previous.toLocaleString("en-US"),
        `${c.cold.runs}${c.cut ? "*" : ""}`,
        ms(c.cold.median),
        ms(c.cold.p90),
        ms(c.cold.min),
        ms(c.cold.max),
        ms(c.cpu.median),
        ...(postmaster ? [ms(c.dbCpuMs ?? Number.NaN)] : []),
        ms(c.cached.median),
      ]),
    ),
  );
  log("");
  const floor = await scanFloor();
  log(
    `[bench] Floor (${engine}): counting and summing the 730 days of incident_facts a 365-day report reads, median ${ms(floor.median)} ms (CPU ${ms(floor.cpu)} ms)`,
  );
  if (cases.some((c) => c.cut)) log("* stopped early: the case ran past its time budget (--case-seconds)");
  const mem = process.memoryUsage();
  if (postmaster) log("[bench] PostgreSQL CPU = the database server's own CPU per cold report (mean of all runs of the case), besides this process's");
  log("");
  log(`[bench] Process RSS after: ${mb(mem.rss)} (heap used ${mb(mem.heapUsed)})`);
  if (args.profile) {
    log("");
    const report = () => getInsights({ actor, query: { range: "365" }, fresh: true });
    if (dialect === "pg") {
      const { connectPg } = await import("@/db/pg-client");
      const { calls, totalMs } = await profilePgStatements(connectPg().pool, report);
      await printPgProfile(connectPg().pool, calls, totalMs, log);
    } else {
      const { calls, totalMs } = await profileStatements(getSqlite(), report);
      // Plans on the read-only connection: the reads ran there, with the SQL functions registered on it (insights_collect).
      const reader = (globalThis as { hindsightDb?: { reader?: ReturnType<typeof getSqlite> } }).hindsightDb?.reader;
      printProfile(reader ?? getSqlite(), calls, totalMs, log);
    }
  }
  const result: InsightsResult = { engine: dialect, cases, floor, rssBytes: mem.rss, heapBytes: mem.heapUsed };
  if (args.out) fs.writeFileSync(args.out, JSON.stringify(result));
}

main()
  .then(
    () => closeDatabase(),
    async (error: unknown) => {
      console.error("[bench] In-process insights failed:", error instanceof Error ? (error.stack ?? error.message) : error);
      process.exitCode = 1;
      await closeDatabase().catch(() => {});
    },
  )
  .finally(() => process.exit());
