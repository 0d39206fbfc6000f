// npm run db:copy: a Hindsight SQLite database into an empty PostgreSQL one, checked table by table.
import path from "node:path";
import type pg from "pg";
import { planCopyOrder, type CopyOrder } from "./copy-order";
import { copyTableRows, DEFAULT_BATCHING, type Batching } from "./copy-rows";
import { fillDeferredColumns } from "./deferred-columns";
import { checkSameSchema, readTargetTables, type TargetTable } from "./pg-catalog";
import { checkTargetUrl, connectTarget, migrateTarget, nonEmptyTables, refuseNonEmpty } from "./pg-target";
import { openSqliteSource, quoteIdent, type SqliteSource } from "./sqlite-source";
import { compareTables, summarize, type TableComparison, type TableSummary } from "./table-digest";
import { continueIdentities, digestTargetTable, type IdentityRestart } from "./target-check";

export type CopyOptions = {
  /** The SQLite database file. */
  from: string;
  /** postgres://… of an empty database. */
  to: string;
  /** db/migrations-pg unless given. */
  migrationsFolder?: string;
  batching?: Batching;
  /** A line per step, for the command's progress output. */
  onProgress?: (line: string) => void;
};

export type CopyResult = { tables: TableComparison[]; rows: number; identities: IdentityRestart[]; milliseconds: number };

/** The copy ran, but PostgreSQL does not hold what SQLite does: rolled back, nothing kept. */
export class CopyMismatch extends Error {
  constructor(readonly tables: TableComparison[]) {
    const bad = tables.filter((t) => !t.matches).map((t) => t.table);
    super(`the copy does not match the source in ${bad.length} table${bad.length === 1 ? "" : "s"} (${bad.join(", ")})`);
  }
}

export const defaultMigrationsFolder = () => path.join(/*turbopackIgnore: true*/ process.cwd(), "db", "migrations-pg");

/**
 * Refuses before writing anything when the source or target is wrong; migrates the target; then
 * copies, checks and moves identities on in ONE PostgreSQL transaction, so a failed or mismatched
 * copy leaves the target's tables empty.
 */
export async function copyDatabase(options: CopyOptions): Promise<CopyResult> {
  const started = Date.now();
  const progress = options.onProgress ?? (() => {});
  checkTargetUrl(options.to);
  const source = openSqliteSource(options.from);
  let client: pg.Client | undefined;
  try {
    client = await connectTarget(options.to);
    refuseNonEmpty(await nonEmptyTables(client));
    progress("Applying the PostgreSQL migrations …");
    await migrateTarget(client, options.migrationsFolder ?? defaultMigrationsFolder());
    const target = await readTargetTables(client);
    for (const table of checkSameSchema(source.tables, target)) progress(`${table} exists only in PostgreSQL; it stays empty.`);
    const copied = target.filter((t) => source.tables.has(t.name));
    const plan = planCopyOrder(
      copied.map((t) => ({ name: t.name, foreignKeys: t.foreignKeys, requiredColumns: new Set(t.columns.filter((c) => c.notNull).map((c) => c.name)) })),
    );
    await client.query("BEGIN");
    try {
      const result = await copyInTransaction(client, source, target, plan, options.batching ?? DEFAULT_BATCHING, progress);
      await client.query("COMMIT");
      return { ...result, milliseconds: Date.now() - started };
    } catch (error) {
      // A lost connection has rolled back by itself; the error worth reporting is the first one.
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    }
  } finally {
    source.close();
    await client?.end();
  }
}

export const rowsText = (n: number) => `${n.toLocaleString("en-US")} row${n === 1 ? "" : "s"}`;

async function copyInTransaction(
  client: pg.Client,
  source: SqliteSource,
  target: TargetTable[],
  plan: CopyOrder,
  batching: Batching,
  progress: (line: string) => void,
) {
  // The text forms the checksums compare: hex bytea, shortest exact floats, whatever the server's defaults.
  await client.query("SET LOCAL bytea_output = 'hex'");
  await client.query("SET LOCAL extra_float_digits = 1");
  // No one else writes the tables until the copy commits (or rolls back).
  await client.query(`LOCK TABLE ${target.map((t) => quoteIdent(t.name)).join(", ")} IN EXCLUSIVE MODE`);
  refuseNonEmpty(
    await nonEmptyTables(
      client,
      target.map((t) => t.name),
    ),
  );
  const byName = new Map(target.map((t) => [t.name, t]));
  const sourceSummaries = new Map<string, TableSummary>();
  for (const name of plan.order) {
    const tableStarted = Date.now();
    const digest = await copyTableRows(client, source, byName.get(name)!, plan.deferred.get(name) ?? [], batching);
    sourceSummaries.set(name, summarize(digest));
    if (digest.rows > 0) progress(`Copied ${name}: ${rowsText(digest.rows)} in ${((Date.now() - tableStarted) / 1000).toFixed(1)} s`);
  }
  for (const [name, columns] of plan.deferred) {
    const filled = await fillDeferredColumns(client, source, byName.get(name)!, columns, batching);
    progress(`Set ${name}.${columns.join(", ")} on ${rowsText(filled)}`);
  }
  const checkStarted = Date.now();
  const targetSummaries = new Map<string, TableSummary>();
  for (const name of plan.order) targetSummaries.set(name, summarize(await digestTargetTable(client, byName.get(name)!)));
  progress(`Read back and checksummed ${plan.order.length} tables from PostgreSQL in ${((Date.now() - checkStarted) / 1000).toFixed(1)} s`);
  const tables = compareTables(sourceSummaries, targetSummaries);
  if (tables.some((t) => !t.matches)) throw new CopyMismatch(tables);
  const identities = await continueIdentities(client, target, source.sequences);
  return { tables, identities, rows: tables.reduce((sum, t) => sum + t.target.rows, 0) };
}
