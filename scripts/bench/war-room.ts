// The war room: on a scratch copy of the 100k database, against the production server, one open
// SEV1 declared over the API with a bearer token, N watchers holding its event stream (in a worker
// thread) and M writers posting notes and changes. Prints write latency, propagation delay, events
// lost or out of order (checked against the event table) and the server's CPU and peak RSS.
import { spawnSync } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import Database from "better-sqlite3";
import { tail, type BenchServer } from "./server";
import { startScratchServer, type ScratchServer } from "./scratch-server";
import { watchProcessGroup } from "./proc-stats";
import { runWriters } from "./war-writers";
import { analyse, percentiles, type Percentiles, type WatcherResult } from "./war-analysis";

export type WarRoomOptions = {
  root: string;
  sqlite: Database.Database;
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

/** `npm run token -- create` against the scratch database; the token is the last line printed. */
export function createToken(root: string, dbFile: string, role: "responder" | "admin" = "responder", name = "bench war room"): string {
  const run = spawnSync(
    path.join(root, "node_modules", ".bin", "tsx"),
    ["--conditions=react-server", path.join(root, "scripts", "token.ts"), "create", "--name", name, "--role", role],
    { cwd: root, env: { ...process.env, DATABASE_PATH: dbFile }, encoding: "utf8" },
  );
  if (run.status !== 0) throw new Error(`npm run token failed (${run.status}): ${(run.stderr || run.stdout).slice(-300)}`);
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

const f = (v: number) => (Number.isFinite(v) ? v.toFixed(0) : "-");
const line = (p: Percentiles) => `p50 ${f(p.p50)} ms, p95 ${f(p.p95)} ms, p99 ${f(p.p99)} ms, max ${f(p.max)} ms (${p.n} samples)`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

export async function benchWarRoom(opts: WarRoomOptions, log: Log): Promise<void> {
  let scratch: ScratchServer | null = null;
  let server: BenchServer | null = null;
  let worker: Worker | null = null;
  try {
    scratch = await startScratchServer({ ...opts, name: "war-room", label: "War room" }, log);
    const { dbFile, port, logFile } = scratch;
    server = scratch.server;
    const token = createToken(opts.root, dbFile);
    const db = new Database(dbFile, { readonly: true });
    const service = db
      .prepare("SELECT s.slug FROM incident_services x JOIN services s ON s.id = x.service_id GROUP BY s.id ORDER BY count(*) DESC LIMIT 1")
      .get() as { slug: string };
    const incident = await declareSev1(server.url, token, service.slug);
    log(`[bench] War room on port ${port} (log: ${logFile}): ${incident.ref} declared SEV1 over the API; ${opts.watchers} watchers connecting…`);

    const watchers = startWatchers(server.url, `/api/v1/incidents/${incident.ref}/events`, token, opts.watchers);
    worker = watchers.worker;
    await watchers.next("ready", 60_000);
    await new Promise((r) => setTimeout(r, 1000));
    const maxId = db.prepare("SELECT coalesce(max(id), 0) AS id FROM events WHERE incident_id = ?");
    const baseline = (maxId.get(incident.id) as { id: number }).id;
    log(
      `[bench] ${opts.watchers} streams open (load average ${os.loadavg()[0]!.toFixed(1)}); ${opts.writers} writers for ${opts.seconds} s (pause ${opts.writeIntervalMs} ms ±50 % between a writer's writes)…`,
    );

    const cpu = watchProcessGroup(server.pid);
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
    const last = (maxId.get(incident.id) as { id: number }).id;
    const drainStart = performance.now();
    while (performance.now() - drainStart < 15_000) {
      worker.postMessage("progress");
      const { lastIds } = (await watchers.next("progress", 10_000)) as unknown as { lastIds: number[] };
      if (lastIds.every((id) => id >= last)) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const usage = cpu.stop();
    const benchUsage = process.cpuUsage(benchCpu);
    worker.postMessage("stop");
    const { watchers: results } = (await watchers.next("done", 30_000)) as unknown as { watchers: WatcherResult[] };
    const expectedIds = (db.prepare("SELECT id FROM events WHERE incident_id = ? AND id > ? ORDER BY id").all(incident.id, baseline) as { id: number }[]).map(
      (r) => r.id,
    );
    db.close();

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
    if (usage) {
      const cores = usage.cpuMs / usage.wallMs;
      log(
        `[bench] Server CPU: ${(usage.cpuMs / 1000).toFixed(1)} s over ${wall.toFixed(1)} s = ${(cores * 100).toFixed(0)} % of one core (${((cores / os.cpus().length) * 100).toFixed(0)} % of ${os.cpus().length}); peak RSS ${mb(usage.peakRssBytes)}`,
      );
    } else log("[bench] Server CPU and RSS: not measured (no /proc)");
    log(`[bench] Bench process CPU (writers + watcher thread): ${((benchUsage.user + benchUsage.system) / 1e6).toFixed(1)} s over ${wall.toFixed(1)} s`);
    log("");
    const p95 = fig.fromResponse.p95;
    log(`[bench] propagation p95 < ${PROPAGATION_P95_TARGET_MS} ms: ${f(p95)} ms — ${p95 < PROPAGATION_P95_TARGET_MS ? "met" : "MISSED"}`);
    log(`[bench] write p99 < ${WRITE_P99_TARGET_MS} ms: ${f(fig.latency.p99)} ms — ${fig.latency.p99 < WRITE_P99_TARGET_MS ? "met" : "MISSED"}`);
    const clean = fig.lost === 0 && fig.outOfOrder === 0 && fig.unexpected === 0 && fig.expected > 0;
    log(`[bench] 0 events lost or out of order: ${clean ? "met" : "MISSED"}`);
  } catch (error) {
    log(`[bench] War room not measured: ${(error as Error).message}`);
    if (server) log(tail(server.logFile, 10));
  } finally {
    await worker?.terminate();
    await server?.stop();
    scratch?.cleanup();
  }
}
