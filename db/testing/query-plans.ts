// What SQLite does for each statement a data function runs: for tests that a page's queries read
// an index in order instead of sorting or scanning whole tables (plans do not depend on row counts
// here: no ANALYZE statistics are kept, so a small test database plans like the 100k one).
import type Database from "better-sqlite3";
import { getSqlite } from "../client";

export type StatementPlan = { sql: string; plan: string[] };

/** Runs `fn`, then returns SQLite's EXPLAIN QUERY PLAN of every statement it ran, in order. */
export async function plansOf(fn: () => unknown): Promise<StatementPlan[]> {
  const sqlite = getSqlite();
  // Reads outside a transaction go to the read-only connection (db/client.ts): watch it too.
  const reader = (globalThis as { hindsightDb?: { reader?: Database.Database } }).hindsightDb?.reader;
  const connections = reader && reader !== sqlite ? [sqlite, reader] : [sqlite];
  // better-sqlite3 takes the bind parameters as one array as well as spread.
  const ran: { sql: string; params: unknown[] }[] = [];
  const originals = connections.map((connection) => connection.prepare);
  for (const [i, connection] of connections.entries()) {
    const original = originals[i]!;
    connection.prepare = function (this: Database.Database, source: string) {
      const statement = original.call(this, source);
      for (const method of ["all", "get", "run"] as const) {
        const inner = statement[method] as (...params: unknown[]) => unknown;
        (statement as unknown as Record<string, unknown>)[method] = (...params: unknown[]) => {
          ran.push({ sql: source, params });
          return inner.apply(statement, params);
        };
      }
      return statement;
    } as typeof connection.prepare;
  }
  try {
    await fn();
  } finally {
    for (const [i, connection] of connections.entries()) connection.prepare = originals[i]!;
  }
  return ran.map(({ sql, params }) => ({
    sql,
    plan: (originals[0]!.call(sqlite, `EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map((row) => row.detail),
  }));
}

/**
 * Plan steps that cost in proportion to a whole table: a scan of one of `tables` without an index,
 * or a page (a statement with LIMIT) sorted after reading every candidate rather than read in order.
 */
export function wholeTableSteps(plans: StatementPlan[], tables: string[]): string[] {
  const scans = new RegExp(`^SCAN (${tables.join("|")})( |$)(?!.*USING)`);
  const sortsPage = (p: StatementPlan, step: string) => step.includes("TEMP B-TREE FOR ORDER BY") && /\blimit\b/i.test(p.sql);
  return plans.flatMap((p) => p.plan.filter((step) => sortsPage(p, step) || scans.test(step)).map((step) => `${step} in ${p.sql}`));
}
