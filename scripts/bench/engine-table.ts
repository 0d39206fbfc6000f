// `npm run bench -- --pg`: the insights and war-room figures of each engine in one table, side by side.
import os from "node:os";
import type { InsightsResult } from "./insights-inprocess";
import type { Summary } from "./stats";
import { formatTable } from "./stats";
import type { WarRoomResult } from "./war-room";

export type EngineFigures = { engine: string; inProcess: InsightsResult | null; http: Map<string, Summary>; warRoom: WarRoomResult | null };

const n0 = (v: number | null | undefined) => (v === null || v === undefined || !Number.isFinite(v) ? "-" : v.toFixed(0));
const n1 = (v: number | null | undefined) => (v === null || v === undefined || !Number.isFinite(v) ? "-" : v.toFixed(1));
const msText = (v: number | null | undefined) => (n0(v) === "-" ? "-" : `${n0(v)} ms`);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

type Usage = { cpuMs: number; wallMs: number; peakRssBytes: number } | null;
const cores = (u: Usage) => (u ? `${((u.cpuMs / u.wallMs) * 100).toFixed(0)} % of a core` : "-");

/** Rows of figures, one column per engine; a row every engine lacks is left out. */
export function engineRows(engines: EngineFigures[]): string[][] {
  const rows: string[][] = [];
  const add = (label: string, value: (e: EngineFigures) => string) => {
    const cells = engines.map(value);
    if (cells.some((c) => c !== "-")) rows.push([label, ...cells]);
  };
  const labels = engines.find((e) => e.inProcess)?.inProcess?.cases.map((c) => c.label) ?? [];
  for (const [i, label] of labels.entries()) {
    const c = (e: EngineFigures) => e.inProcess?.cases[i];
    add(`insights ${label}: cold median`, (e) => msText(c(e)?.cold.median));
    if (i === 0) {
      add("  cold p90", (e) => msText(c(e)?.cold.p90));
      add("  cold, CPU of the app process (median)", (e) => msText(c(e)?.cpu.median));
      add("  cold, CPU of PostgreSQL (mean)", (e) => msText(c(e)?.dbCpuMs));
      add("  cached median", (e) => (c(e) ? `${n1(c(e)!.cached.median)} ms` : "-"));
      add("  incidents in scope / previous period", (e) =>
        c(e) ? `${c(e)!.inScope.toLocaleString("en-US")} / ${c(e)!.previous.toLocaleString("en-US")}` : "-",
      );
    }
  }
  add("floor: count + sum of 730 days of incident_facts", (e) => (e.inProcess ? `${n1(e.inProcess.floor.median)} ms` : "-"));
  add("GET /insights?range=365 median", (e) => msText(e.http.get("/insights?range=365")?.median));
  add("GET /api/v1/insights?range=365 median", (e) => msText(e.http.get("/api/v1/insights?range=365")?.median));
  const w = (e: EngineFigures) => e.warRoom;
  add("war room: writes (per second)", (e) => (w(e) ? `${w(e)!.writes} (${w(e)!.perSecond.toFixed(1)}/s)` : "-"));
  add("  version conflicts retried / failed writes", (e) => (w(e) ? `${w(e)!.conflicts} / ${w(e)!.failed}` : "-"));
  add("  write latency p50 / p99", (e) => (w(e) ? `${n0(w(e)!.latency.p50)} / ${n0(w(e)!.latency.p99)} ms` : "-"));
  add("  propagation after the response p50 / p95 / p99", (e) =>
    w(e) ? `${n0(w(e)!.fromResponse.p50)} / ${n0(w(e)!.fromResponse.p95)} / ${n0(w(e)!.fromResponse.p99)} ms` : "-",
  );
  add("  propagation after the request start p50 / p95", (e) => (w(e) ? `${n0(w(e)!.fromStart.p50)} / ${n0(w(e)!.fromStart.p95)} ms` : "-"));
  add("  events; lost, out of order or repeated, unknown (all watchers)", (e) =>
    w(e) ? `${w(e)!.expected}; ${w(e)!.lost}, ${w(e)!.outOfOrder}, ${w(e)!.unexpected}` : "-",
  );
  add("  stream reconnects", (e) => (w(e) ? String(w(e)!.reconnects) : "-"));
  add("  app server CPU / peak RSS", (e) => (w(e)?.server ? `${cores(w(e)!.server)} / ${mb(w(e)!.server!.peakRssBytes)}` : "-"));
  add("  transactions rerun: serialization failures / deadlocks", (e) =>
    w(e)?.retries ? `${w(e)!.retries!.serialization} / ${w(e)!.retries!.deadlocks}` : "-",
  );
  add("  PostgreSQL CPU / peak memory (PSS)", (e) => (w(e)?.database ? `${cores(w(e)!.database)} / ${mb(w(e)!.database!.peakRssBytes)}` : "-"));
  return rows;
}

export function printEngineTable(
  engines: EngineFigures[],
  context: { watchers: number; writers: number; seconds: number; database: string },
  log: (line?: string) => void,
) {
  log(
    `[bench] SQLite and PostgreSQL side by side, same machine and run (${os.cpus().length} CPUs, load average now ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")}); ${context.database}`,
  );
  if (engines.some((e) => e.warRoom)) {
    log(`[bench] War room: ${context.watchers} watchers, ${context.writers} writers, ${context.seconds} s, on a scratch copy per engine`);
  }
  log("");
  log(formatTable(["figure", ...engines.map((e) => e.engine)], engineRows(engines)));
  if (engines.length > 1) {
    log("");
    compareReports(engines, log);
  }
}

/**
 * Where two reports differ (paths to the first `limit` differing values; numbers within 1e-9 relative are equal):
 * the same database on both engines must give the same figures.
 */
export function reportDifferences(a: unknown, b: unknown, limit = 10, at = "report", out: string[] = []): string[] {
  if (out.length >= limit) return out;
  if (typeof a === "number" && typeof b === "number") {
    if (!(a === b || Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b)))) out.push(`${at}: ${a} ≠ ${b}`);
  } else if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) out.push(`${at}: ${a.length} items ≠ ${b.length}`);
    else a.forEach((v, i) => reportDifferences(v, b[i], limit, `${at}[${i}]`, out));
  } else if (a && b && typeof a === "object" && typeof b === "object") {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) reportDifferences((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], limit, `${at}.${k}`, out);
  } else if (a !== b) out.push(`${at}: ${JSON.stringify(a)?.slice(0, 80)} ≠ ${JSON.stringify(b)?.slice(0, 80)}`);
  return out.slice(0, limit);
}

/** One line per case: same figures on both engines, or the first differences. */
export function compareReports(engines: EngineFigures[], log: (line?: string) => void) {
  const [a, b] = engines;
  if (!a?.inProcess || !b?.inProcess) return;
  for (const [i, c] of a.inProcess.cases.entries()) {
    const other = b.inProcess.cases[i];
    if (!other) continue;
    const diff = reportDifferences(c.report, other.report);
    log(
      diff.length
        ? `[bench] ${c.label}: the reports DIFFER between ${a.engine} and ${b.engine}:\n${diff.map((d) => `    ${d}`).join("\n")}`
        : `[bench] ${c.label}: same report on ${a.engine} and ${b.engine}`,
    );
  }
}
