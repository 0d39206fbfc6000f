// What the migrated PostgreSQL schema says about each table: columns and types, identities, foreign keys.
import type pg from "pg";
import { kindOfPgType, type ColumnKind } from "./column-values";
import { CopyRefused } from "./copy-errors";
import type { ForeignKey } from "./copy-order";

export type TargetColumn = { name: string; type: string; kind: ColumnKind; notNull: boolean; identity: boolean };
export type TargetTable = { name: string; columns: TargetColumn[]; primaryKey: string[]; foreignKeys: ForeignKey[] };

const COLUMNS = `
  SELECT c.relname AS table, a.attname AS column, format_type(a.atttypid, a.atttypmod) AS type,
         a.attnotnull AS not_null, a.attidentity <> '' AS identity
  FROM pg_class c
  JOIN pg_namespace n ON n.oid = c.relnamespace
  JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
  WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')
  ORDER BY c.relname, a.attnum`;

const FOREIGN_KEYS = `
  SELECT c.relname AS table, f.relname AS ref_table,
         ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY k(num, ord)
               JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.num ORDER BY k.ord) AS columns
  FROM pg_constraint con
  JOIN pg_class c ON c.oid = con.conrelid
  JOIN pg_class f ON f.oid = con.confrelid
  JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE con.contype = 'f' AND n.nspname = current_schema()
  ORDER BY c.relname, con.conname`;

const PRIMARY_KEYS = `
  SELECT c.relname AS table,
         ARRAY(SELECT a.attname::text FROM unnest(i.indkey::int2[]) WITH ORDINALITY k(num, ord)
               JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.num ORDER BY k.ord) AS columns
  FROM pg_index i
  JOIN pg_class c ON c.oid = i.indrelid
  JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE i.indisprimary AND n.nspname = current_schema()`;

/** Every table of the current schema (public), as the migrations made it. */
export async function readTargetTables(client: pg.Client): Promise<TargetTable[]> {
  const columns = await client.query<{ table: string; column: string; type: string; not_null: boolean; identity: boolean }>(COLUMNS);
  const fks = await client.query<{ table: string; ref_table: string; columns: string[] }>(FOREIGN_KEYS);
  const pks = await client.query<{ table: string; columns: string[] }>(PRIMARY_KEYS);
  const tables = new Map<string, TargetTable>();
  for (const row of columns.rows) {
    const kind = kindOfPgType(row.type);
    if (!kind) throw new CopyRefused(`--to: column ${row.table}.${row.column} has type ${row.type}, which the copy does not know`);
    const table = tables.get(row.table) ?? { name: row.table, columns: [], primaryKey: [], foreignKeys: [] };
    table.columns.push({ name: row.column, type: row.type, kind, notNull: row.not_null, identity: row.identity });
    tables.set(row.table, table);
  }
  for (const row of pks.rows) tables.get(row.table)?.primaryKey.push(...row.columns);
  for (const row of fks.rows) tables.get(row.table)?.foreignKeys.push({ columns: row.columns, refTable: row.ref_table });
  return [...tables.values()];
}

/**
 * Refuses unless the two schemas hold the same data: every source table in the target with the
 * same columns. Target-only tables are allowed (they stay empty); returns their names.
 */
export function checkSameSchema(source: ReadonlyMap<string, string[]>, target: readonly TargetTable[]): string[] {
  const byName = new Map(target.map((t) => [t.name, t]));
  const problems: string[] = [];
  for (const [name, columns] of source) {
    const table = byName.get(name);
    if (!table) {
      problems.push(`table ${name} is not in the PostgreSQL schema`);
      continue;
    }
    const targetColumns = table.columns.map((c) => c.name);
    const missing = columns.filter((c) => !targetColumns.includes(c));
    const extra = targetColumns.filter((c) => !columns.includes(c));
    if (missing.length) problems.push(`${name}: PostgreSQL lacks column ${missing.join(", ")}`);
    if (extra.length) problems.push(`${name}: SQLite lacks column ${extra.join(", ")}`);
  }
  if (problems.length) {
    throw new CopyRefused(`the SQLite and PostgreSQL schemas differ (are both from this version of Hindsight?): ${problems.join("; ")}`);
  }
  return target.filter((t) => !source.has(t.name)).map((t) => t.name);
}
