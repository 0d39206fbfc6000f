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
