// Copies one table: SQLite rows streamed in batches into multi-row INSERTs, checksummed on the way.
import type pg from "pg";
import { canonicalText, sqliteValueToText } from "./column-values";
import { CopyRefused, ValueProblem } from "./copy-errors";
import type { TargetColumn, TargetTable } from "./pg-catalog";
import { quoteIdent, type SqliteSource } from "./sqlite-source";
import { TableDigest } from "./table-digest";

/** When a batch is sent: after this many rows, or once its values reach this many characters. */
export type Batching = { rows: number; chars: number };
export const DEFAULT_BATCHING: Batching = { rows: 5000, chars: 8_000_000 };

/**
 * `INSERT … SELECT FROM unnest($1::text[], …)`: one text array per column, each cast to the
 * column's type, so a batch is one statement whatever its row count (no 65,535-parameter limit).
 */
export function unnestSelect(columns: readonly TargetColumn[]): { casts: string[]; from: string } {
  return {
    casts: columns.map((c, i) => `u.c${i}::${c.type}`),
    from: `unnest(${columns.map((_, i) => `$${i + 1}::text[]`).join(", ")}) AS u(${columns.map((_, i) => `c${i}`).join(", ")})`,
  };
}

function insertStatement(table: TargetTable): string {
  const { casts, from } = unnestSelect(table.columns);
  // Ids are copied as they are, also into identity columns generated ALWAYS.
  const overriding = table.columns.some((c) => c.identity) ? " OVERRIDING SYSTEM VALUE" : "";
  return `INSERT INTO ${quoteIdent(table.name)} (${table.columns.map((c) => quoteIdent(c.name)).join(", ")})${overriding} SELECT ${casts.join(", ")} FROM ${from}`;
}

/** The row a value problem is in: its id when the table has one, else its position. */
function rowLabel(table: TargetTable, raw: unknown[], position: number): string {
  const id = table.columns.findIndex((c) => c.name === "id");
  return id >= 0 ? `the row with id ${String(raw[id])}` : `row ${position}`;
}

/** The text of each value of a SQLite row, as sent to PostgreSQL. */
export function rowTexts(table: TargetTable, raw: unknown[], position: number): (string | null)[] {
  return table.columns.map((column, i) => {
    try {
      return sqliteValueToText(column.kind, raw[i]);
    } catch (error) {
      if (!(error instanceof ValueProblem)) throw error;
      throw new CopyRefused(`${table.name}.${column.name} in ${rowLabel(table, raw, position)}: ${error.message} (column type ${column.type})`);
    }
  });
}

export async function sendBatch(client: pg.Client, table: string, statement: string, params: unknown[]): Promise<void> {
  try {
    await client.query(statement, params);
  } catch (error) {
    const { message, detail } = error as { message: string; detail?: string };
    throw new Error(`copying ${table}: ${message}${detail ? ` (${detail})` : ""}`, { cause: error });
  }
}

/**
 * Streams every row of `table` from the source into the target (deferred columns as NULL) and
 * returns the source side's digest.
 */
export async function copyTableRows(
  client: pg.Client,
  source: SqliteSource,
  table: TargetTable,
  deferred: readonly string[],
  batching: Batching = DEFAULT_BATCHING,
): Promise<TableDigest> {
  const statement = insertStatement(table);
  const isDeferred = table.columns.map((c) => deferred.includes(c.name));
  const digest = new TableDigest();
  let batch: (string | null)[][] = table.columns.map(() => []);
  let rows = 0;
  let chars = 0;
  // One batch is written by PostgreSQL while the next is read and converted here: at most two in memory.
  let inFlight: Promise<void> | null = null;
  const flush = async () => {
    if (rows === 0) return;
    const params = batch;
    batch = table.columns.map(() => []);
    rows = 0;
    chars = 0;
    const previous = inFlight;
    inFlight = sendBatch(client, table.name, statement, params);
    // Awaited below or on the next flush; a failure after an earlier one is only its consequence.
    inFlight.catch(() => {});
    if (previous) await previous;
  };
  for (const raw of source.rows(
    table.name,
    table.columns.map((c) => c.name),
  )) {
    const texts = rowTexts(table, raw, digest.rows + 1);
    digest.add(texts.map((text, i) => canonicalText(table.columns[i]!.kind, text)));
    texts.forEach((text, i) => {
      batch[i]!.push(isDeferred[i] ? null : text);
      chars += text?.length ?? 4;
    });
    rows += 1;
    if (rows >= batching.rows || chars >= batching.chars) await flush();
  }
  await flush();
  await inFlight;
  return digest;
}
