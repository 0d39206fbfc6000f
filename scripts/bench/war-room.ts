// The war room: on a scratch copy of the 100k database, against the production server, one open
// SEV1 declared over the API with a bearer token, N watchers holding its event stream (in a worker
// thread) and M writers posting notes and changes. Prints write latency, propagation delay, events
// lost or out of order (checked against the event table) and the server's CPU and peak RSS.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type Database from "better-sqlite3";
import { tail, type BenchServer } from "./server";
import { startScratchServer, type ScratchServer } from "./scratch-server";
import { samplePostgres, watchProcesses, watchProcessGroup } from "./proc-stats";
import { openBenchReader, type BenchReader } from "./bench-reader";
import type { PgBench } from "./pg-bench";
import { runWriters } from "./war-writers";
import { analyse, percentiles, type Percentiles, type WarRoomFigures, type WatcherResult } from "./war-analysis";

export type WarRoomOptions = {
  root: string;
  sqlite: Database.Database;
  /** Set: the war room runs on a scratch database of this PostgreSQL copy instead of a SQLite file. */
  pg?: PgBench;
  distDir: string;
  port: number;
  seconds: number;
  watchers: number;
  writers: number;
  writeIntervalMs: number;
};
type Log = (line?: string) => void;

export const PROPAGATION_P95_TARGET_MS = 1000;
export const WRITE_P99_TARGET_MS = 250;

/**
 * An API token in the scratch database (SQLite file, or PostgreSQL `databaseUrl`), created by
 * scripts/bench/bench-token.ts with the data layer's insertToken, as `npm run token -- create` does; the
 * token is the last line printed.
 */
export function createToken(root: string, dbFile: string, role: "responder" | "admin" = "responder", name = "bench war room", databaseUrl?: string): string {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_PATH: dbFile };
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  else delete env.DATABASE_URL;
  const run = spawnSync(
    path.join(root, "node_modules", ".bin", "tsx"),
    ["--conditions=react-server", path.join(root, "scripts", "bench", "bench-token.ts"), role, name],
    { cwd: root, env, encoding: "utf8" },
  );
  if (run.status !== 0) throw new Error(`creating an API token failed (${run.status}): ${(run.stderr || run.stdout).slice(-300)}`);
  return run.stdout.trim().split("\n").at(-1)!;
}

async function declareSev1(url: string, token: string, service: string): Promise<{ ref: string; id: number; version: number }> {
  const res = await fetch(`${url}/api/v1/incidents`, {
    method: "POST",
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
    body: JSON.stringify({
      title: "Checkout failing for EU customers (bench war room)",
      severity: "SEV1",
      summary: "Payments time out at the provider; retries pile up.",
      services: [{ service, impact: "full_outage" }],
    }),
  });
  const json = (await res.json()) as { reference: string; id: number; version: number };
  if (res.status !== 201) throw new Error(`POST /api/v1/incidents: ${res.status} ${JSON.stringify(json).slice(0, 300)}`);
  return { ref: json.reference, id: json.id, version: json.version };
}

/** Starts the watcher thread and resolves once every stream answered 200. */
function startWatchers(url: string, streamPath: string, token: string, count: number) {
  const worker = new Worker(path.join(__dirname, "sse-watchers.mjs"), { workerData: { url, path: streamPath, token, count } });
  const next = (type: string, timeoutMs: number) =>
    new Promise<{ type: string; [k: string]: unknown }>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`The watchers sent no "${type}" within ${timeoutMs / 1000} s`)), timeoutMs);
      const onMessage = (m: { type: string; message?: string }) => {
        if (m.type === "error") reject(new Error(`A watcher could not connect: ${m.message}`));
        else if (m.type !== type) return;
        clearTimeout(timer);
        worker.off("message", onMessage);
        resolve(m);
      };
      worker.on("message", onMessage);
    });
  return { worker, next };
}

/** How often the PostgreSQL server log names each error that makes the app retry a transaction. */
function retryErrors(serverLog: string | null | undefined): { serialization: number; deadlocks: number } | null {
  if (!serverLog || !fs.existsSync(serverLog)) return null;
  const text = fs.readFileSync(serverLog, "utf8");
  const count = (pattern: RegExp) => (text.match(pattern) ?? []).length;
  return { serialization: count(/ERROR: {2}could not serialize access/g), deadlocks: count(/ERROR: {2}deadlock detected/g) };
}

const f = (v: number) => (Number.isFinite(v) ? v.toFixed(0) : "-");
const line = (p: Percentiles) => `p50 ${f(p.p50)} ms, p95 ${f(p.p95)} ms, p99 ${f(p.p99)} ms, max ${f(p.max)} ms (${p.n} samples)`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

export type WarRoomResult = Pick<
  WarRoomFigures,
  "latency" | "fromResponse" | "fromStart" | "expected" | "lost" | "outOfOrder" | "unexpected" | "reconnects"
> & {
  writes: number;
  perSecond: number;
  conflicts: number;
  failed: number;
  /** The app server's process group. */
  server: { cpuMs: number; wallMs: number; peakRssBytes: number } | null;
  /** The PostgreSQL server (postmaster and backends), when it runs on this machine. */
  database: { cpuMs: number; wallMs: number; peakRssBytes: number } | null;
  /** Transactions PostgreSQL aborted for the app to rerun (from the throwaway cluster's log). */
  retries: { serialization: number; deadlocks: number } | null;
};

export async function benchWarRoom(opts: WarRoomOptions, log: Log): Promise<WarRoomResult | null> {
  let scratch: ScratchServer | null = null;
  let server: BenchServer | null = null;
  let worker: Worker | null = null;
  let db: BenchReader | null = null;
  const engine = opts.pg ? " (PostgreSQL)" : "";
  try {
    scratch = await startScratchServer({ ...opts, name: "war-room", label: "War room" }, log);
    const { dbFile, databaseUrl, port, logFile } = scratch;
    server = scratch.server;
    const token = createToken(opts.root, dbFile, "responder", "bench war room", databaseUrl);
    db = await openBenchReader({ dbFile, databaseUrl });
    const service = (await db.get<{ slug: string }>(
      "SELECT s.slug FROM incident_services x JOIN services s ON s.id = x.service_id GROUP BY s.id, s.slug ORDER BY count(*) DESC, s.id LIMIT 1",
    ))!;
    const incident = await declareSev1(server.url, token, service.slug);
    log(`[bench] War room${engine} on port ${port} (log: ${logFile}): ${incident.ref} declared SEV1 over the API; ${opts.watchers} watchers connecting…`);

    const watchers = startWatchers(server.url, `/api/v1/incidents/${incident.ref}/events`, token, opts.watchers);
    worker = watchers.worker;
    await watchers.next("ready", 60_000);
    await new Promise((r) => setTimeout(r, 1000));
    const maxId = async () => (await db!.get<{ id: number }>("SELECT coalesce(max(id), 0) AS id FROM events WHERE incident_id = ?", incident.id))!.id;
    const baseline = await maxId();
    log(
      `[bench] ${opts.watchers} streams open (load average ${os.loadavg()[0]!.toFixed(1)}); ${opts.writers} writers for ${opts.seconds} s (pause ${opts.writeIntervalMs} ms ±50 % between a writer's writes)…`,
    );

    const cpu = watchProcessGroup(server.pid);
    const postmaster = opts.pg?.postmasterPid;
    const pgCpu = postmaster ? watchProcesses(() => samplePostgres(postmaster)) : null;
    const retriesBefore = retryErrors(opts.pg?.serverLog);
    const benchCpu = process.cpuUsage();
    const { writes, conflicts, failures } = await runWriters({
      url: server.url,
      ref: incident.ref,
      token,
      writers: opts.writers,
      seconds: opts.seconds,
      intervalMs: opts.writeIntervalMs,
      version: incident.version,
    });
    // Drain: until every watcher has the last event written, or 15 s.
    const last = await maxId();
    const drainStart = performance.now();
    while (performance.now() - drainStart < 15_000) {
      worker.postMessage("progress");
      const { lastIds } = (await watchers.next("progress", 10_000)) as unknown as { lastIds: number[] };
      if (lastIds.every((id) => id >= last)) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const usage = cpu.stop();
    const pgUsage = pgCpu?.stop() ?? null;
    const retriesAfter = retryErrors(opts.pg?.serverLog);
    const retries =
      retriesBefore && retriesAfter
        ? { serialization: retriesAfter.serialization - retriesBefore.serialization, deadlocks: retriesAfter.deadlocks - retriesBefore.deadlocks }
        : null;
    const benchUsage = process.cpuUsage(benchCpu);
    worker.postMessage("stop");
    const { watchers: results } = (await watchers.next("done", 30_000)) as unknown as { watchers: WatcherResult[] };
    const expectedIds = (await db.all<{ id: number }>("SELECT id FROM events WHERE incident_id = ? AND id > ? ORDER BY id", incident.id, baseline)).map(
      (r) => r.id,
    );

    const fig = analyse(writes, results, expectedIds);
    const byKind = (k: string) => writes.filter((w) => w.kind === k).length;
    const wall = usage ? usage.wallMs / 1000 : opts.seconds;
    log("");
    log(
      `[bench] Writes: ${writes.length} (${byKind("note")} notes, ${byKind("status")} status, ${byKind("severity")} severity, ${byKind("summary")} summary), ${(writes.length / opts.seconds).toFixed(1)}/s; ${conflicts} version conflicts retried; ${failures.length} failed`,
    );
    for (const failure of failures.slice(0, 5)) log(`[bench]   failed: ${failure}`);
    log(`[bench] Write latency: ${line(fig.latency)}`);
    for (const kind of ["note", "status", "severity", "summary"] as const) {
      const own = percentiles(writes.filter((w) => w.kind === kind && w.key !== null).map((w) => w.end - w.start));
      if (own.n) log(`[bench]   ${kind}: p50 ${f(own.p50)} ms, p99 ${f(own.p99)} ms (${own.n})`);
    }
    log(`[bench] Propagation, write response → watcher has the event: ${line(fig.fromResponse)}`);
    log(`[bench] Propagation, write request start → watcher has the event: ${line(fig.fromStart)}`);
    log(
      `[bench] Events: ${fig.expected} in the event table after the watchers connected; per watcher: lost ${fig.lost} (${fig.watchersWithLoss} watchers), out of order or repeated ${fig.outOfOrder} (${fig.watchersOutOfOrder} watchers), not in the table ${fig.unexpected}; ${fig.reconnects} reconnects; ${fig.unmatchedWrites} writes seen by no watcher`,
    );
    const cpuLine = (label: string, u: { cpuMs: number; wallMs: number; peakRssBytes: number }, rss: string) => {
      const cores = u.cpuMs / u.wallMs;
      log(
        `[bench] ${label}: ${(u.cpuMs / 1000).toFixed(1)} s over ${(u.wallMs / 1000).toFixed(1)} s = ${(cores * 100).toFixed(0)} % of one core (${((cores / os.cpus().length) * 100).toFixed(0)} % of ${os.cpus().length}); ${rss} ${mb(u.peakRssBytes)}`,
      );
    };
    if (usage) cpuLine("Server CPU", usage, "peak RSS");
    else log("[bench] Server CPU and RSS: not measured (no /proc)");
    if (pgUsage) cpuLine("PostgreSQL CPU (postmaster and backends)", pgUsage, "peak memory (PSS)");
    else if (opts.pg) log("[bench] PostgreSQL CPU: not measured (the server does not run on this machine, or no /proc)");
    if (retries) {
      log(
        `[bench] PostgreSQL server log: ${retries.serialization} serialization failures and ${retries.deadlocks} deadlocks while the writers ran (each reruns a transaction)`,
      );
    }
    log(`[bench] Bench process CPU (writers + watcher thread): ${((benchUsage.user + benchUsage.system) / 1e6).toFixed(1)} s over ${wall.toFixed(1)} s`);
    log("");
    const p95 = fig.fromResponse.p95;
    log(`[bench] propagation p95 < ${PROPAGATION_P95_TARGET_MS} ms: ${f(p95)} ms — ${p95 < PROPAGATION_P95_TARGET_MS ? "met" : "MISSED"}`);
    log(`[bench] write p99 < ${WRITE_P99_TARGET_MS} ms: ${f(fig.latency.p99)} ms — ${fig.latency.p99 < WRITE_P99_TARGET_MS ? "met" : "MISSED"}`);
    const clean = fig.lost === 0 && fig.outOfOrder === 0 && fig.unexpected === 0 && fig.expected > 0;
    log(`[bench] 0 events lost or out of order: ${clean ? "met" : "MISSED"}`);
    return {
      writes: writes.length,
      perSecond: writes.length / opts.seconds,
      conflicts,
      failed: failures.length,
      latency: fig.latency,
      fromResponse: fig.fromResponse,
      fromStart: fig.fromStart,
      expected: fig.expected,
      lost: fig.lost,
      outOfOrder: fig.outOfOrder,
      unexpected: fig.unexpected,
      reconnects: fig.reconnects,
      server: usage,
      database: pgUsage,
      retries,
    };
  } catch (error) {
    log(`[bench] War room${engine} not measured: ${(error as Error).message}`);
    if (server) log(tail(server.logFile, 10));
    return null;
  } finally {
    await db?.close().catch(() => {});
    await worker?.terminate();
    await server?.stop();
    await scratch?.cleanup();
  }
}
