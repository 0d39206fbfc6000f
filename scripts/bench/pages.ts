// The app's main pages over HTTP: median server time on the demo data and on the 100k database,
// and throughput at 20 concurrent requests next to the framework floor (/bench-floor, a
// signed-in page reading 50 rows, served when the server runs with HINDSIGHT_BENCH_FLOOR=1).
import type Database from "better-sqlite3";
import { timedGet } from "./server";
import { percentile, summarize, timeRuns, type Summary } from "./stats";

export type PageCase = { key: string; label: string; path: string };
export const FLOOR_KEY = "floor";
export const INCIDENT_KEYS = ["incident-open", "incident-closed"];

const ref = (id: number) => `INC-${id}`;

/**
 * The pages to time on one database. Incident pages: its most severe open incident (an open SEV1
 * on the 100k data; the demo data has none open, so its most severe open one) and a typical closed
 * one (the newest whose timeline length is the median of the last 500 closed incidents).
 */
export function pageCases(sqlite: Database.Database): PageCase[] {
  const open = sqlite
    .prepare(
      "SELECT id, severity FROM incidents WHERE private = 0 AND drill = 0 AND status IN ('investigating','identified','monitoring') ORDER BY severity, id DESC LIMIT 1",
    )
    .get() as { id: number; severity: string } | undefined;
  const closed = sqlite
    .prepare(
      `SELECT id, (SELECT count(*) FROM timeline_entries t WHERE t.incident_id = i.id) AS entries
       FROM incidents i WHERE private = 0 AND drill = 0 AND status = 'closed' ORDER BY id DESC LIMIT 500`,
    )
    .all() as { id: number; entries: number }[];
  const median = [...closed].sort((a, b) => a.entries - b.entries)[Math.floor(closed.length / 2)];
  const typical = closed.find((c) => c.entries === median?.entries);
  return [
    { key: "incidents", label: "/incidents", path: "/incidents" },
    ...(open ? [{ key: INCIDENT_KEYS[0]!, label: `/incidents/{ref} open ${open.severity}`, path: `/incidents/${ref(open.id)}` }] : []),
    ...(typical ? [{ key: INCIDENT_KEYS[1]!, label: `/incidents/{ref} closed (${typical.entries} entries)`, path: `/incidents/${ref(typical.id)}` }] : []),
    { key: "services", label: "/services", path: "/services" },
    { key: "postmortems", label: "/postmortems", path: "/postmortems" },
    { key: "action-items", label: "/action-items", path: "/action-items" },
    { key: "insights", label: "/insights", path: "/insights" },
    { key: FLOOR_KEY, label: "floor: /bench-floor (50 rows)", path: "/bench-floor" },
  ];
}

/** Sequential requests, each read to the end: the median is the page's server time. */
export async function pageMedians(
  url: string,
  cookie: string,
  cases: PageCase[],
  runs: { warmup: number; runs: number; budgetMs: number },
): Promise<Map<string, Summary>> {
  const result = new Map<string, Summary>();
  for (const c of cases) {
    const { samples } = await timeRuns(async () => (await timedGet(url + c.path, cookie)).total, runs);
    result.set(c.key, summarize(samples));
  }
  return result;
}

export type Load = { requests: number; errors: number; seconds: number; reqPerSec: number; p50: number; p90: number };

/**
 * `concurrency` clients each asking for the page again as soon as the last answer is read, for
 * `seconds` (requests in flight at the end are awaited and counted). Throughput = answers / time.
 */
export async function pageLoad(url: string, cookie: string, path: string, concurrency: number, seconds: number): Promise<Load> {
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const client = async () => {
    while (performance.now() < deadline) {
      try {
        latencies.push((await timedGet(url + path, cookie)).total);
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, client));
  const elapsed = (performance.now() - started) / 1000;
  const sorted = latencies.sort((a, b) => a - b);
  return {
    requests: sorted.length,
    errors,
    seconds: elapsed,
    reqPerSec: sorted.length / elapsed,
    p50: percentile(sorted, 0.5),
    p90: percentile(sorted, 0.9),
  };
}

export type PageRow = { key: string; label: string; demo?: Summary; big?: Summary; load?: Load };

export const PAGE_RATIO_TARGET = 1.5;
export const INCIDENT_THROUGHPUT_TARGET = 0.5;

const fixed = (value: number | undefined, digits: number) => (value !== undefined && Number.isFinite(value) ? value.toFixed(digits) : "-");

/** The printed table: one row per page, the floor last, its throughput repeated in every row. */
export function pageTableRows(rows: PageRow[]): string[][] {
  const floor = rows.find((r) => r.key === FLOOR_KEY)?.load;
  return rows.map((r) => {
    const ratio = r.demo && r.big ? r.big.median / r.demo.median : undefined;
    return [
      r.label,
      fixed(r.demo?.median, 0),
      fixed(r.big?.median, 0),
      ratio === undefined ? "-" : `${ratio.toFixed(2)}×${r.key === FLOOR_KEY ? "" : ratio <= PAGE_RATIO_TARGET ? "" : " !"}`,
      r.load ? `${fixed(r.load.reqPerSec, 1)}${r.load.errors ? ` (${r.load.errors} err)` : ""}` : "-",
      fixed(r.load?.p50, 0),
      fixed(floor?.reqPerSec, 1),
    ];
  });
}

export const PAGE_TABLE_HEADER = ["page", "demo median ms", "100k median ms", "ratio (≤ 1.5×)", "100k req/s @20", "p50 @20 ms", "floor req/s @20"];

/** The verdict lines for the two page targets. */
export function pageVerdicts(rows: PageRow[]): string[] {
  const pages = rows.filter((r) => r.key !== FLOOR_KEY);
  const over = pages.filter((r) => r.demo && r.big && r.big.median / r.demo.median > PAGE_RATIO_TARGET);
  const unmeasured = pages.filter((r) => !r.demo || !r.big);
  const lines = [
    unmeasured.length === pages.length
      ? "every page on 100k within 1.5× of demo: not measured"
      : `every page on 100k within 1.5× of demo: ${over.length === 0 ? "met" : `MISSED (${over.map((r) => r.label).join("; ")})`}${unmeasured.length ? ` (not measured: ${unmeasured.map((r) => r.label).join("; ")})` : ""}`,
  ];
  const floor = rows.find((r) => r.key === FLOOR_KEY)?.load;
  for (const r of rows.filter((x) => INCIDENT_KEYS.includes(x.key))) {
    if (!floor || !r.load) {
      lines.push(`${r.label} throughput @20 ≥ half the floor's: not measured`);
      continue;
    }
    const share = r.load.reqPerSec / floor.reqPerSec;
    lines.push(
      `${r.label} throughput @20 ≥ half the floor's: ${r.load.reqPerSec.toFixed(1)} vs ${floor.reqPerSec.toFixed(1)} req/s = ${(share * 100).toFixed(0)}% — ${share >= INCIDENT_THROUGHPUT_TARGET ? "met" : "MISSED"}`,
    );
  }
  return lines;
}
