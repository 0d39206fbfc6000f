// `npm run bench -- --profile`: where the time of one call goes, statement by statement.
// Wraps the raw better-sqlite3 handle's prepare() so every statement the data layer runs is
// timed, then prints the slowest ones with SQLite's EXPLAIN QUERY PLAN.
// On PostgreSQL (--pg --profile) the node-postgres clients' queries are timed instead, with EXPLAIN.
import type Database from "better-sqlite3";
import pg from "pg";
import { tapStatements } from "@/db/testing/statement-tap";
import { formatTable, ms } from "./stats";

type Call = { sql: string; params: unknown[]; ms: number; rows: number };

/**
 * Runs `fn` with every statement on `sqlite` timed — and on the data layer's read-only connection, where reads
 * outside a transaction run (db/client.ts) — returns the calls in the order they ran.
 */
export async function profileStatements<T>(sqlite: Database.Database, fn: () => Promise<T>): Promise<{ result: T; calls: Call[]; totalMs: number }> {
  const calls: Call[] = [];
  const restore = tapStatements(sqlite, (sql, params, method, run) => {
    const start = performance.now();
    const out = run();
    const rows = Array.isArray(out) ? out.length : method === "run" ? Number((out as Database.RunResult).changes) : out === undefined ? 0 : 1;
    calls.push({ sql, params, ms: performance.now() - start, rows });
    return out;
  });
  const start = performance.now();
  try {
    const result = await fn();
    return { result, calls, totalMs: performance.now() - start };
  } finally {
    restore();
  }
}

const oneLine = (sql: string) => sql.replace(/\s+/g, " ").trim();

/** The one-call summary and the table of the `top` slowest statements; returns them, slowest first. */
function printSlowest(calls: Call[], totalMs: number, verb: string, log: (line?: string) => void, top: number): Call[] {
  const sqlMs = calls.reduce((sum, c) => sum + c.ms, 0);
  log(`[bench] One call: ${ms(totalMs)} ms, of which ${ms(sqlMs)} ms ${verb} ${calls.length} SQL statements (the rest is JavaScript)`);
  const slowest = [...calls].sort((a, b) => b.ms - a.ms).slice(0, top);
  log("");
  log(
    formatTable(
      ["#", "ms", "rows", "statement"],
      slowest.map((c, i) => [String(i + 1), ms(c.ms), String(c.rows), oneLine(c.sql).slice(0, 150)]),
    ),
  );
  return slowest;
}

function printStatement(i: number, c: Call, log: (line?: string) => void) {
  log("");
  log(`[bench] #${i + 1} (${ms(c.ms)} ms): ${oneLine(c.sql).slice(0, 600)}${oneLine(c.sql).length > 600 ? " …" : ""}`);
}

/** Prints the slowest statements, and the query plan of the `explain` slowest. */
export function printProfile(sqlite: Database.Database, calls: Call[], totalMs: number, log: (line?: string) => void, { top = 12, explain = 5 } = {}) {
  const slowest = printSlowest(calls, totalMs, "in", log, top);
  for (const [i, c] of slowest.slice(0, explain).entries()) {
    printStatement(i, c, log);
    try {
      const plan = sqlite.prepare(`EXPLAIN QUERY PLAN ${c.sql}`).all(...c.params) as { id: number; parent: number; detail: string }[];
      const depth = new Map<number, number>();
      for (const step of plan) {
        const d = (depth.get(step.parent) ?? -1) + 1;
        depth.set(step.id, d);
        log(`    ${"  ".repeat(d)}${step.detail}`);
      }
    } catch (error) {
      log(`    (no plan: ${(error as Error).message})`);
    }
  }
}

/**
 * PostgreSQL: runs `fn` with every query of the pool's node-postgres clients timed (until its rows arrive), the
 * way profileStatements does for SQLite's statements. The clients' own `query` (db/ops/timed-statements.ts
 * wraps it per client) is wrapped once more, and the prototype's for clients the pool opens meanwhile.
 */
export async function profilePgStatements<T>(pool: pg.Pool, fn: () => Promise<T>): Promise<{ result: T; calls: Call[]; totalMs: number }> {
  const calls: Call[] = [];
  type Result = { rowCount?: number | null; rows?: unknown[] } | undefined;
  type Query = (...args: unknown[]) => unknown;
  const timed = (original: Query): Query =>
    function (this: unknown, ...args: unknown[]) {
      const config = args[0] as string | { text?: string; values?: unknown[] };
      const text = typeof config === "string" ? config : config?.text;
      if (!text) return original.apply(this, args);
      const values = (Array.isArray(args[1]) ? args[1] : typeof config === "string" ? undefined : config.values) ?? [];
      const start = performance.now();
      const record = (res: Result) => calls.push({ sql: text, params: values, ms: performance.now() - start, rows: res?.rows?.length || res?.rowCount || 0 });
      // pg.Pool#query passes a callback; drizzle awaits the promise of Client#query.
      const callback = args.at(-1);
      if (typeof callback === "function") {
        args[args.length - 1] = (error: unknown, res: Result) => {
          if (!error) record(res);
          return (callback as (e: unknown, r: Result) => unknown)(error, res);
        };
        return original.apply(this, args);
      }
      const out = original.apply(this, args);
      if (!(out instanceof Promise)) return out;
      return out.then((res: Result) => {
        record(res);
        return res;
      });
    };
  const proto = pg.Client.prototype as unknown as { query: Query };
  const originalProto = proto.query;
  proto.query = timed(originalProto);
  const clients = ((pool as unknown as { _clients?: { query: Query }[] })._clients ?? []).filter((c) => Object.hasOwn(c, "query"));
  const originals = clients.map((c) => c.query);
  clients.forEach((c, i) => (c.query = timed(originals[i]!)));
  const start = performance.now();
  try {
    const result = await fn();
    return { result, calls, totalMs: performance.now() - start };
  } finally {
    proto.query = originalProto;
    clients.forEach((c, i) => (c.query = originals[i]!));
  }
}

/** Prints the slowest statements, and PostgreSQL's EXPLAIN of the `explain` slowest reads (not run again). */
export async function printPgProfile(pool: pg.Pool, calls: Call[], totalMs: number, log: (line?: string) => void, { top = 12, explain = 5 } = {}) {
  const slowest = printSlowest(calls, totalMs, "waiting for", log, top);
  for (const [i, c] of slowest.slice(0, explain).entries()) {
    printStatement(i, c, log);
    if (!/^\s*(select|with)\b/i.test(c.sql)) {
      log("    (not a read: no plan)");
      continue;
    }
    try {
      const plan = await pool.query<{ "QUERY PLAN": string }>(`EXPLAIN ${c.sql}`, c.params);
      for (const step of plan.rows) log(`    ${step["QUERY PLAN"]}`);
    } catch (error) {
      log(`    (no plan: ${(error as Error).message})`);
    }
  }
}
