// What SQLite does for each statement a data function runs: for tests that a page's queries read
// an index in order instead of sorting or scanning whole tables (plans do not depend on row counts
// here: no ANALYZE statistics are kept, so a small test database plans like the 100k one).
import { getSqlite } from "../client";
import { tapStatements } from "./statement-tap";

export type StatementPlan = { sql: string; plan: string[] };

/** Runs `fn`, then returns SQLite's EXPLAIN QUERY PLAN of every statement it ran, in order. */
export async function plansOf(fn: () => unknown): Promise<StatementPlan[]> {
  const sqlite = getSqlite();
  // Taken before tapping: EXPLAIN must not be recorded as a statement of its own.
  const prepare = sqlite.prepare.bind(sqlite);
  const ran: { sql: string; params: unknown[] }[] = [];
  const restore = tapStatements(sqlite, (sql, params, _method, run) => {
    ran.push({ sql, params });
    return run();
  });
  try {
    await fn();
  } finally {
    restore();
  }
  return ran.map(({ sql, params }) => ({
    sql,
    plan: (prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map((row) => row.detail),
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
