// Reading the copy back from PostgreSQL: each table's checksum, then identities moved past the copied ids.
import type pg from "pg";
import { canonicalText } from "./column-values";
import type { TargetTable } from "./pg-catalog";
import { quoteIdent } from "./sqlite-source";
import { TableDigest } from "./table-digest";

const FETCH_ROWS = 5000;

/** The target side's digest of a table, read through a cursor (never the whole table in memory). */
export async function digestTargetTable(client: pg.Client, table: TargetTable): Promise<TableDigest> {
  const cursor = "hindsight_copy_check";
  const columns = table.columns.map((c) => `${quoteIdent(c.name)}::text`).join(", ");
  await client.query(`DECLARE ${cursor} NO SCROLL CURSOR FOR SELECT ${columns} FROM ${quoteIdent(table.name)}`);
  const digest = new TableDigest();
  for (;;) {
    const { rows } = await client.query<(string | null)[]>({ text: `FETCH FORWARD ${FETCH_ROWS} FROM ${cursor}`, rowMode: "array" });
    for (const row of rows) digest.add(row.map((text, i) => canonicalText(table.columns[i]!.kind, text)));
    if (rows.length < FETCH_ROWS) break;
  }
  await client.query(`CLOSE ${cursor}`);
  return digest;
}

export type IdentityRestart = { table: string; column: string; next: string };

/**
 * Moves each identity column past the highest id copied, and past the highest id SQLite ever
 * handed out (AUTOINCREMENT never reuses a deleted incident's number, so neither may PostgreSQL).
 * ALTER … RESTART is transactional, unlike setval: a rolled-back copy leaves the sequences as they were.
 */
export async function continueIdentities(
  client: pg.Client,
  tables: readonly TargetTable[],
  sqliteSequences: ReadonlyMap<string, bigint>,
): Promise<IdentityRestart[]> {
  const restarts: IdentityRestart[] = [];
  for (const table of tables) {
    for (const column of table.columns.filter((c) => c.identity)) {
      const { rows } = await client.query<{ max: string | null }>(`SELECT max(${quoteIdent(column.name)})::text AS max FROM ${quoteIdent(table.name)}`);
      const highest = [BigInt(rows[0]?.max ?? 0), sqliteSequences.get(table.name) ?? 0n].reduce((a, b) => (a > b ? a : b));
      if (highest === 0n) continue;
      const next = (highest + 1n).toString();
      await client.query(`ALTER TABLE ${quoteIdent(table.name)} ALTER COLUMN ${quoteIdent(column.name)} RESTART WITH ${next}`);
      restarts.push({ table: table.name, column: column.name, next });
    }
  }
  return restarts;
}
