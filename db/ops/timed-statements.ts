import type Database from "better-sqlite3";
import type { getMetrics } from "@/server/observability/metrics.mjs";

type Observe = (operation: "run" | "get" | "all", seconds: number) => void;

const TIMED = ["run", "get", "all"] as const;

/**
 * Makes every statement prepared on `sqlite` report how long each execution took.
 * raw(), pluck() and expand() return the same statement, so they stay timed.
 */
export function timeStatements(sqlite: Database.Database, observe: Observe): Database.Database {
  const prepare = sqlite.prepare.bind(sqlite);
  sqlite.prepare = ((source: string) => {
    const statement = prepare(source) as unknown as Record<string, (...args: unknown[]) => unknown>;
    for (const operation of TIMED) {
      const execute = statement[operation]!.bind(statement);
      statement[operation] = (...args: unknown[]) => {
        const started = process.hrtime.bigint();
        try {
          return execute(...args);
        } finally {
          observe(operation, Number(process.hrtime.bigint() - started) / 1e9);
        }
      };
    }
    return statement;
  }) as unknown as typeof sqlite.prepare;
  return sqlite;
}

/**
 * Records into the process's metrics when the server has created them (scripts/server.mjs
 * does before Next.js starts); command-line scripts skip it without loading prom-client.
 */
export function observeOnProcessMetrics(operation: "run" | "get" | "all", seconds: number): void {
  (globalThis as { hindsightMetrics?: Awaited<ReturnType<typeof getMetrics>> }).hindsightMetrics?.dbDuration.observe({ operation }, seconds);
}

type PgQueryClient = { query: (...args: unknown[]) => unknown };
type PgResult = { fields?: unknown[] } | PgResult[];

/** PostgreSQL's counterpart of SQLite's run/all: statements returning rows are "all", the others "run". */
const pgOperation = (result: PgResult | undefined): "run" | "all" =>
  Array.isArray(result) ? pgOperation(result.at(-1)) : result?.fields?.length ? "all" : "run";

/**
 * Makes every query sent on a node-postgres client (one of a pool's: `pool.on("connect", …)`) report how
 * long it took, from sending to the answer. Callback and promise forms both (pg-pool's `pool.query` uses the callback).
 */
export function timePgQueries<C extends PgQueryClient>(client: C, observe: Observe): C {
  const query = client.query.bind(client);
  client.query = (...args: unknown[]) => {
    const started = process.hrtime.bigint();
    const done = (result: PgResult | undefined) => observe(pgOperation(result), Number(process.hrtime.bigint() - started) / 1e9);
    const callback = args.at(-1);
    if (typeof callback === "function") {
      args[args.length - 1] = (error: unknown, result: PgResult) => {
        if (!error) done(result);
        return (callback as (error: unknown, result: PgResult) => unknown)(error, result);
      };
      return query(...args);
    }
    const returned = query(...args);
    if (returned && typeof (returned as Promise<PgResult>).then === "function") (returned as Promise<PgResult>).then(done, () => {});
    return returned;
  };
  return client;
}
