// The alert burst: on a scratch copy of the 100k database, against the production server, an
// Alertmanager integration receives 1,000 distinct alerts in 10 s (100 requests of 10, in 20 groups)
// plus re-sends of earlier requests (as Alertmanager's repeat_interval and retries do), sent on a fixed
// schedule whatever the answers take. Prints accepted / refused requests, latency, alerts stored
// against alerts sent (loss, counted in the database), incidents declared, and the server's CPU.
import Database from "better-sqlite3";
import { tail, type BenchServer } from "./server";
import { startScratchServer, type ScratchServer } from "./scratch-server";
import { watchProcessGroup } from "./proc-stats";
import { createToken } from "./war-room";
import { percentiles } from "./war-analysis";

export type AlertBurstOptions = {
  root: string;
  sqlite: Database.Database;
  distDir: string;
  port: number;
  seconds: number;
  requests: number;
  alertsPerRequest: number;
  /** Re-sends of earlier requests, spread over the same seconds. */
  repeats: number;
  groups: number;
};
type Log = (line?: string) => void;
type Sent = { start: number; end: number; status: number; repeat: boolean; body: string };

function alertmanagerBody(request: number, opts: AlertBurstOptions, startedAt: string) {
  const group = request % opts.groups;
  const alerts = Array.from({ length: opts.alertsPerRequest }, (_, k) => {
    const n = request * opts.alertsPerRequest + k;
    return {
      status: "firing",
      labels: { alertname: `BurstAlert${group}`, instance: `node-${n}:9100`, severity: n % 7 === 0 ? "critical" : "warning" },
      annotations: { summary: `Burst alert ${n} in group ${group}` },
      startsAt: startedAt,
      endsAt: "0001-01-01T00:00:00Z",
      generatorURL: "http://prometheus:9090/graph",
      fingerprint: `burst-${n.toString(16).padStart(8, "0")}`,
    };
  });
  return JSON.stringify({
    version: "4",
    groupKey: `{}:{alertname="BurstAlert${group}"}`,
    status: "firing",
    receiver: "hindsight",
    groupLabels: { alertname: `BurstAlert${group}` },
    commonLabels: {},
    commonAnnotations: {},
    externalURL: "http://alertmanager:9093",
    truncatedAlerts: 0,
    alerts,
  });
}

async function createIntegration(url: string, token: string): Promise<{ path: string; secret: string; id: number }> {
  const res = await fetch(`${url}/api/v1/integrations`, {
    method: "POST",
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
    body: JSON.stringify({ name: "bench burst", kind: "alertmanager" }),
  });
  const json = (await res.json()) as { integration: { id: number; endpointPath: string }; secret: string };
  if (res.status !== 201) throw new Error(`POST /api/v1/integrations: ${res.status} ${JSON.stringify(json).slice(0, 300)}`);
  return { path: json.integration.endpointPath, secret: json.secret, id: json.integration.id };
}

async function send(url: string, secret: string, body: string, repeat: boolean): Promise<Sent> {
  const start = performance.now();
  let status = 0;
  try {
    const res = await fetch(url, { method: "POST", headers: { Authorization: `Bearer ${secret}`, "Content-Type": "application/json" }, body });
    await res.arrayBuffer();
    status = res.status;
  } catch {
    status = 0;
  }
  return { start, end: performance.now(), status, repeat, body };
}

const f = (v: number) => (Number.isFinite(v) ? v.toFixed(0) : "-");

export async function benchAlertBurst(opts: AlertBurstOptions, log: Log): Promise<void> {
  let scratch: ScratchServer | null = null;
  let server: BenchServer | null = null;
  try {
    scratch = await startScratchServer({ ...opts, name: "alert-burst", label: "Alert burst" }, log);
    const { dbFile, port, logFile } = scratch;
    server = scratch.server;
    const token = createToken(opts.root, dbFile, "admin", "bench alert burst");
    const integration = await createIntegration(server.url, token);
    const endpoint = server.url + integration.path;
    const startedAt = new Date(Date.now() - 60_000).toISOString();
    const bodies = Array.from({ length: opts.requests }, (_, i) => alertmanagerBody(i, opts, startedAt));
    // Warm the route once (a first request compiles nothing in production, but loads the modules).
    await fetch(`${server.url}/api/v1/integrations/${integration.id}/deliveries`, { headers: { Authorization: `Bearer ${token}` } });
    const total = opts.requests + opts.repeats;
    const sent = opts.requests * opts.alertsPerRequest;
    log(
      `[bench] Alert burst on port ${port} (log: ${logFile}): ${sent} alerts in ${opts.requests} requests of ${opts.alertsPerRequest} (${opts.groups} groups) + ${opts.repeats} re-sent requests, over ${opts.seconds} s…`,
    );
    const cpu = watchProcessGroup(server.pid);
    const t0 = performance.now();
    const pending: Promise<Sent>[] = [];
    // Every 3rd slot re-sends an earlier request (when there is one), the rest send new alerts in order.
    let next = 0;
    let repeatsLeft = opts.repeats;
    for (let slot = 0; slot < total; slot++) {
      const due = t0 + (slot * opts.seconds * 1000) / total;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const repeat = repeatsLeft > 0 && next > 0 && (slot % 3 === 2 || opts.requests - next === 0);
      if (repeat) {
        repeatsLeft--;
        pending.push(send(endpoint, integration.secret, bodies[(slot * 7919) % next]!, true));
      } else if (next < opts.requests) {
        pending.push(send(endpoint, integration.secret, bodies[next++]!, false));
      }
    }
    const results = await Promise.all(pending);
    const wallMs = performance.now() - t0;
    const usage = cpu.stop();

    const db = new Database(dbFile, { readonly: true });
    const stored = db.prepare("SELECT count(*) AS n, count(DISTINCT dedup_key) AS keys FROM alerts WHERE integration_id = ?").get(integration.id) as {
      n: number;
      keys: number;
    };
    const incidents = (
      db.prepare("SELECT count(DISTINCT incident_id) AS n FROM alerts WHERE integration_id = ? AND incident_id IS NOT NULL").get(integration.id) as {
        n: number;
      }
    ).n;
    const timeline = (
      db
        .prepare("SELECT count(*) AS n FROM timeline_entries WHERE kind = 'alert' AND incident_id IN (SELECT incident_id FROM alerts WHERE integration_id = ?)")
        .get(integration.id) as { n: number }
    ).n;
    const deliveries = (db.prepare("SELECT count(*) AS n FROM integration_deliveries WHERE integration_id = ?").get(integration.id) as { n: number }).n;
    db.close();

    const accepted = results.filter((r) => r.status === 200).length;
    const byStatus = new Map<number, number>();
    for (const r of results) byStatus.set(r.status, (byStatus.get(r.status) ?? 0) + 1);
    const latency = percentiles(results.map((r) => r.end - r.start));
    const fresh = percentiles(results.filter((r) => !r.repeat).map((r) => r.end - r.start));
    const repeats = percentiles(results.filter((r) => r.repeat).map((r) => r.end - r.start));
    log("");
    log(
      `[bench] Requests: ${results.length} in ${(wallMs / 1000).toFixed(1)} s; accepted (200) ${accepted}, refused ${results.length - accepted} (${[...byStatus]
        .map(([s, n]) => `${s || "network error"}: ${n}`)
        .join(", ")})`,
    );
    log(`[bench] Latency: p50 ${f(latency.p50)} ms, p95 ${f(latency.p95)} ms, p99 ${f(latency.p99)} ms, max ${f(latency.max)} ms`);
    log(
      `[bench]   new alerts: p50 ${f(fresh.p50)} ms, p99 ${f(fresh.p99)} ms (${fresh.n}); re-sent: p50 ${f(repeats.p50)} ms, p99 ${f(repeats.p99)} ms (${repeats.n})`,
    );
    log(
      `[bench] Alerts: ${sent} sent, ${stored.keys} stored (${stored.n} rows); lost ${sent - stored.keys}; ${incidents} incidents declared (one per group), ${timeline} alert timeline entries; ${deliveries} deliveries kept (last 50)`,
    );
    if (usage) {
      const cores = usage.cpuMs / usage.wallMs;
      log(
        `[bench] Server CPU: ${(usage.cpuMs / 1000).toFixed(1)} s over ${(usage.wallMs / 1000).toFixed(1)} s = ${(cores * 100).toFixed(0)} % of one core; peak RSS ${(usage.peakRssBytes / 1024 / 1024).toFixed(0)} MB`,
      );
    } else log("[bench] Server CPU: not measured (no /proc)");
    log("");
    const clean = accepted === results.length && stored.keys === sent && stored.n === sent && timeline === sent;
    log(`[bench] ${sent} alerts in ${opts.seconds} s accepted without loss or duplicates: ${clean ? "met" : "MISSED"}`);
  } catch (error) {
    log(`[bench] Alert burst not measured: ${(error as Error).message}`);
    if (server) log(tail(server.logFile, 10));
  } finally {
    await server?.stop();
    await scratch?.cleanup();
  }
}
