// The second pass for references no table order can satisfy (a self-reference, a cycle): the rows
// went in with these columns NULL; now every table is filled, they get their values.
import type pg from "pg";
import { CopyRefused } from "./copy-errors";
import { DEFAULT_BATCHING, rowTexts, sendBatch, unnestSelect, type Batching } from "./copy-rows";
import type { TargetTable } from "./pg-catalog";
import { quoteIdent, type SqliteSource } from "./sqlite-source";

export async function fillDeferredColumns(
  client: pg.Client,
  source: SqliteSource,
  table: TargetTable,
  deferred: readonly string[],
  batching: Batching = DEFAULT_BATCHING,
): Promise<number> {
  if (table.primaryKey.length === 0) throw new CopyRefused(`cannot fill ${table.name}.${deferred.join(", ")} later: the table has no primary key`);
  const keys = table.primaryKey.map((name) => table.columns.find((c) => c.name === name)!);
  const values = deferred.map((name) => table.columns.find((c) => c.name === name)!);
  const columns = [...keys, ...values];
  const { casts, from } = unnestSelect(columns);
  const statement =
    `UPDATE ${quoteIdent(table.name)} AS t SET ${values.map((c, i) => `${quoteIdent(c.name)} = ${casts[keys.length + i]}`).join(", ")} ` +
    `FROM ${from} WHERE ${keys.map((c, i) => `t.${quoteIdent(c.name)} = ${casts[i]}`).join(" AND ")}`;
  // rowTexts checks and converts exactly these columns, as the first pass did.
  const view: TargetTable = { ...table, columns };
  let batch: (string | null)[][] = columns.map(() => []);
  let updated = 0;
  let position = 0;
  const flush = async () => {
    if (batch[0]!.length === 0) return;
    const params = batch;
    batch = columns.map(() => []);
    await sendBatch(client, table.name, statement, params);
  };
  for (const raw of source.rows(
    table.name,
    columns.map((c) => c.name),
  )) {
    position += 1;
    if (raw.slice(keys.length).every((v) => v === null)) continue;
    rowTexts(view, raw, position).forEach((text, i) => batch[i]!.push(text));
    updated += 1;
    if (batch[0]!.length >= batching.rows) await flush();
  }
  await flush();
  return updated;
}
