// Every statement the data layer runs on SQLite, seen as it runs: for the query-plan tests and the
// benchmark's profile. Wraps better-sqlite3's prepare() on the given connection and on the
// read-only connection where reads outside a transaction go (db/client.ts).
import type Database from "better-sqlite3";

export type StatementMethod = "all" | "get" | "run";
/** Called for each run of a statement; `run` executes it and returns its result. */
export type StatementTap = (sql: string, params: unknown[], method: StatementMethod, run: () => unknown) => unknown;

/** Taps every statement prepared on `sqlite` (and the reader) until the returned function restores them. */
export function tapStatements(sqlite: Database.Database, tap: StatementTap): () => void {
  const reader = (globalThis as { hindsightDb?: { reader?: Database.Database } }).hindsightDb?.reader;
  const connections = reader && reader !== sqlite ? [sqlite, reader] : [sqlite];
  const originals = connections.map((connection) => connection.prepare);
  for (const [i, connection] of connections.entries()) {
    const original = originals[i]!;
    connection.prepare = function (this: Database.Database, source: string) {
      const statement = original.call(this, source);
      for (const method of ["all", "get", "run"] as const) {
        const inner = statement[method] as (...params: unknown[]) => unknown;
        // better-sqlite3 takes the bind parameters as one array as well as spread.
        (statement as unknown as Record<string, unknown>)[method] = (...params: unknown[]) => tap(source, params, method, () => inner.apply(statement, params));
      }
      return statement;
    } as typeof connection.prepare;
  }
  return () => {
    for (const [i, connection] of connections.entries()) connection.prepare = originals[i]!;
  };
}
