// The slowest requests a signed-in person can make, timed over HTTP on the bench database
// against one budget: no request may take more than 1 s of server time. Each is timed cold
// (the insights report cache emptied by a write first, as after any change to the data) and
// warm (asked again), next to a floor measured in the same run (GET /api/health). Then
// /api/health is timed while a cold report of the widest allowed range is being computed.
import type Database from "better-sqlite3";
import { MAX_RANGE_DAYS } from "@/lib/insights/params";
import { EARLIEST_DAY } from "@/lib/validation/day-bounds";
import { timedGet } from "./server";
import { formatTable, ms, summarize } from "./stats";

export const SLOW_REQUEST_BUDGET_MS = 1000;

type Case = { label: string; path: string };

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const DAY = 86_400_000;

/** The requests to time; ids and slugs come from the bench database. */
export function slowRequestCases(sqlite: Database.Database, now = Date.now()): Case[] {
  const service = sqlite
    .prepare("SELECT s.slug FROM incident_services x JOIN services s ON s.id = x.service_id GROUP BY s.id ORDER BY count(*) DESC LIMIT 1")
    .get() as { slug: string };
  const team = sqlite.prepare("SELECT id FROM teams ORDER BY id LIMIT 1").get() as { id: number };
  const to = isoDay(now);
  const widest = `from=${isoDay(now - (MAX_RANGE_DAYS - 1) * DAY)}&to=${to}`;
  const earliest = `from=${EARLIEST_DAY}&to=${isoDay(Date.parse(`${EARLIEST_DAY}T00:00:00Z`) + (MAX_RANGE_DAYS - 1) * DAY)}`;
  const lastQuarter = `from=${isoDay(now - 89 * DAY)}&to=${to}`;
  const cases: Case[] = [];
  for (const [label, query] of [
    ["30 d", "range=30"],
    ["90 d", "range=90"],
    ["365 d", "range=365"],
    [`${MAX_RANGE_DAYS} d to today (widest)`, widest],
    [`${MAX_RANGE_DAYS} d from ${EARLIEST_DAY} (earliest)`, earliest],
  ] as const) {
    cases.push({ label: `insights API ${label}`, path: `/api/v1/insights?${query}` });
    cases.push({ label: `insights page ${label}`, path: `/insights?${query}` });
  }
  // [label, path] of the other heavy pages and API lists.
  const pages: (readonly [label: string, path: string])[] = [
    ["insights CSV 365 d", "/api/v1/insights/incidents.csv?range=365"],
    [`insights CSV ${MAX_RANGE_DAYS} d (widest)`, `/api/v1/insights/incidents.csv?${widest}`],
    ["incident list page", "/incidents"],
    ["incident list page, search + filters", `/incidents?q=latency&severity=SEV2&service=${service.slug}`],
    ["incident list API, search", "/api/v1/incidents?q=timing&limit=200"],
    ["incident list API, filters", `/api/v1/incidents?status=resolved&severity=SEV1,SEV2&team=${team.id}&${lastQuarter}&limit=200`],
    ["services catalogue page", "/services"],
    ["services API", "/api/v1/services"],
    ["service page", `/services/${service.slug}`],
    ["action items page", "/action-items"],
    ["action items API, overdue", "/api/v1/action-items?overdue=1&limit=200"],
    ["postmortems page", "/postmortems"],
    ["postmortems API, overdue", "/api/v1/postmortems?due=overdue&limit=200"],
    ["audit log page", "/admin/audit"],
    ["search API", "/api/v1/search?q=cache&limit=20"],
  ];
  cases.push(...pages.map(([label, path]) => ({ label, path })));
  return cases;
}

/**
 * A committed change from another connection moves the server's PRAGMA data_version, so its
 * insights cache misses next time. Two real changes that cancel out: a no-op UPDATE (x = x)
 * does not move data_version.
 */
function invalidateReportCache(sqlite: Database.Database) {
  for (const delta of [1, -1]) sqlite.prepare("UPDATE incidents SET updated_at = updated_at + ? WHERE id = (SELECT min(id) FROM incidents)").run(delta);
}

export type SlowRequestResult = { label: string; path: string; cold: number[]; warm: number[]; pass: boolean };

/**
 * Times every case `runs` times cold and `runs` times warm; prints the table and the health
 * check under load; returns whether every request stayed within the budget.
 */
export async function benchSlowRequests(opts: {
  url: string;
  cookie: string;
  sqlite: Database.Database;
  runs: number;
  log: (line?: string) => void;
}): Promise<boolean> {
  const { url, cookie, sqlite, log } = opts;
  const time = async (path: string) => (await timedGet(url + path, cookie)).total;
  const floorSamples: number[] = [];
  const floor = async () => floorSamples.push(await time("/api/health"));

  log("");
  log(
    `[bench] Slowest requests over HTTP, budget ${SLOW_REQUEST_BUDGET_MS} ms each: ${opts.runs} cold (report cache emptied by a write) + ${opts.runs} warm runs`,
  );
  const results: SlowRequestResult[] = [];
  for (const c of slowRequestCases(sqlite)) {
    await time(c.path); // compiles the route and fills the caches once
    const cold: number[] = [];
    const warm: number[] = [];
    for (let i = 0; i < opts.runs; i++) {
      invalidateReportCache(sqlite);
      cold.push(await time(c.path));
      warm.push(await time(c.path));
      await floor();
    }
    const pass = Math.max(...cold, ...warm) <= SLOW_REQUEST_BUDGET_MS;
    results.push({ label: c.label, path: c.path, cold, warm, pass });
    log(`[bench]   ${pass ? "pass" : "FAIL"}  ${c.label}: cold ${ms(summarize(cold).median)} ms, warm ${ms(summarize(warm).median)} ms`);
  }
  const floorSummary = summarize(floorSamples);
  log("");
  log(
    formatTable(
      ["request", "cold median ms", "cold max ms", "warm median ms", "warm max ms", "vs 1 s"],
      results.map((r) => {
        const cold = summarize(r.cold);
        const warm = summarize(r.warm);
        return [r.label, ms(cold.median), ms(cold.max), ms(warm.median), ms(warm.max), r.pass ? "pass" : "FAIL"];
      }),
    ),
  );
  log("");
  log(`[bench] Floor (GET /api/health, same run): median ${ms(floorSummary.median)} ms, max ${ms(floorSummary.max)} ms over ${floorSummary.runs} requests`);

  // Health while the widest cold report is computed: asked one after another for as long as the
  // report runs. Reports are computed in turns (lib/turns.ts), so health is answered between steps.
  const widest = results.find((r) => r.label.startsWith("insights API") && r.label.includes("widest"))!;
  const healthUnderLoad: number[] = [];
  for (let i = 0; i < opts.runs; i++) {
    invalidateReportCache(sqlite);
    let done = false;
    const report = time(widest.path).finally(() => (done = true));
    await new Promise((r) => setTimeout(r, 20));
    while (!done) healthUnderLoad.push(await time("/api/health"));
    await report;
  }
  const h = summarize(healthUnderLoad);
  const healthPass = h.max <= SLOW_REQUEST_BUDGET_MS;
  log(
    `[bench] /api/health while a cold ${widest.label.replace("insights API ", "")} report runs: median ${ms(h.median)} ms, max ${ms(h.max)} ms over ${h.runs} requests — ${healthPass ? "pass" : "FAIL"}`,
  );
  const failed = results.filter((r) => !r.pass);
  log(
    failed.length === 0 && healthPass
      ? `[bench] Every request within ${SLOW_REQUEST_BUDGET_MS} ms`
      : `[bench] Over ${SLOW_REQUEST_BUDGET_MS} ms: ${[...failed.map((r) => r.label), ...(healthPass ? [] : ["/api/health under load"])].join("; ")}`,
  );
  return failed.length === 0 && healthPass;
}
