// db/migrations-pg against db/migrations: every table SQLite gets, PostgreSQL gets with the same columns
// (names, nullability, mapped types, defaults, identity), primary keys, indexes and foreign keys.
import path from "node:path";
import Database from "better-sqlite3";
import { getTableName, is } from "drizzle-orm";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { getTableConfig as getPgTableConfig, type PgTable } from "drizzle-orm/pg-core";
import { SQLiteTable, getTableConfig } from "drizzle-orm/sqlite-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as sqliteSchema from "../sqlite";
import * as pgSchema from "./index";
import { createMigratedPgDatabase, pgUnavailableReason, type MigratedPgDatabase } from "./test-database";

const adminUrl = process.env.HINDSIGHT_TEST_PG_URL;
const unavailable = pgUnavailableReason(adminUrl);

type Row = Record<string, unknown>;
const DELETE_ACTIONS: Record<string, string> = { a: "NO ACTION", r: "RESTRICT", c: "CASCADE", n: "SET NULL", d: "SET DEFAULT" };
const SQLITE_TYPES: Record<string, string> = { INTEGER: "bigint", TEXT: "text", REAL: "double precision", BLOB: "bytea" };

// Column kinds SQLite does not record (both are INTEGER / TEXT there): from the drizzle tables.
const drizzleKinds = new Map<string, string>();
for (const table of Object.values(sqliteSchema as Record<string, unknown>)) {
  if (!is(table, SQLiteTable)) continue;
  for (const column of getTableConfig(table).columns) drizzleKinds.set(`${getTableName(table)}.${column.name}`, column.columnType);
}

function sqliteReference() {
  const sqlite = new Database(":memory:");
  migrate(drizzle(sqlite), { migrationsFolder: path.join(process.cwd(), "db", "migrations") });
  const all = (statement: string) => sqlite.prepare(statement).all() as Row[];
  const tables = all("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '__drizzle_migrations'");
  return tables.map(({ name, sql }) => {
    const info = all(`PRAGMA table_info("${name}")`);
    const autoIncrement = /AUTOINCREMENT/i.test(String(sql));
    const columns = info.map((c) => {
      const kind = drizzleKinds.get(`${name}.${c.name}`);
      const type = kind === "SQLiteBoolean" ? "boolean" : kind === "SQLiteTextJson" ? "jsonb" : SQLITE_TYPES[String(c.type).toUpperCase()];
      const identity = autoIncrement && Number(c.pk) > 0;
      let dflt = c.dflt_value === null ? null : String(c.dflt_value);
      if (type === "boolean" && dflt !== null) dflt = dflt === "1" || dflt === "true" ? "true" : "false";
      return { name: c.name, type, notNull: c.notnull === 1 || Number(c.pk) > 0, default: dflt, identity };
    });
    const primaryKey = info
      .filter((c) => Number(c.pk) > 0)
      .sort((a, b) => Number(a.pk) - Number(b.pk))
      .map((c) => c.name);
    const indexes = all(`PRAGMA index_list("${name}")`)
      .filter((ix) => ix.origin !== "pk")
      .map((ix) => ({
        name: ix.name,
        unique: ix.unique === 1,
        partial: ix.partial === 1,
        columns: all(`PRAGMA index_xinfo("${ix.name}")`)
          .filter((c) => c.key === 1)
          .map((c) => c.name),
      }));
    const fkRows = all(`PRAGMA foreign_key_list("${name}")`);
    const foreignKeys = [...new Set(fkRows.map((fk) => fk.id))].map((id) => {
      const parts = fkRows.filter((fk) => fk.id === id).sort((a, b) => Number(a.seq) - Number(b.seq));
      const first = parts[0]!;
      return `(${parts.map((p) => p.from).join(",")}) → ${first.table}(${parts.map((p) => p.to).join(",")}) ON DELETE ${first.on_delete} ON UPDATE ${first.on_update}`;
    });
    return { name: String(name), columns: sortByName(columns), primaryKey, indexes: sortByName(indexes), foreignKeys: foreignKeys.sort() };
  });
}

const sortByName = <T extends { name: unknown }>(list: T[]) => [...list].sort((a, b) => String(a.name).localeCompare(String(b.name)));
/** A default as PostgreSQL prints it, without the cast it adds to literals ('{}'::text → '{}'). */
const pgDefault = (value: unknown) => (value === null ? null : String(value).replace(/::[a-z ]+$/, ""));

async function pgActual(database: MigratedPgDatabase, table: string) {
  const query = async (statement: string) => (await database.pool.query(statement, [table])).rows as Row[];
  const columns = (
    await query(
      `SELECT column_name, data_type, is_nullable, column_default, is_identity, identity_generation FROM information_schema.columns
       WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position`,
    )
  ).map((c) => ({
    name: c.column_name as string,
    type: c.data_type,
    notNull: c.is_nullable === "NO",
    default: pgDefault(c.column_default),
    identity: c.is_identity === "YES" && c.identity_generation === "BY DEFAULT",
  }));
  const keyColumns = (column: string, table: string) =>
    `ARRAY(SELECT a.attname FROM unnest(${column}) WITH ORDINALITY k(num, ord) JOIN pg_attribute a ON a.attrelid = ${table} AND a.attnum = k.num ORDER BY k.ord)::text[]`;
  const constraints = await query(
    `SELECT c.conname, c.contype, ${keyColumns("c.conkey", "c.conrelid")} AS columns, f.relname AS foreign_table,
       ${keyColumns("c.confkey", "c.confrelid")} AS foreign_columns, c.confdeltype, c.confupdtype
     FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid LEFT JOIN pg_class f ON f.oid = c.confrelid
     WHERE t.relname = $1 AND t.relnamespace = 'public'::regnamespace`,
  );
  const indexes = await query(
    `SELECT i.relname AS name, x.indisunique AS unique, x.indpred IS NOT NULL AS partial,
       ARRAY(SELECT a.attname FROM unnest(x.indkey::int2[]) WITH ORDINALITY k(num, ord)
             LEFT JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.num ORDER BY k.ord)::text[] AS columns
     FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
     WHERE t.relname = $1 AND t.relnamespace = 'public'::regnamespace AND NOT x.indisprimary`,
  );
  const primary = constraints.find((c) => c.contype === "p");
  const foreign = constraints.filter((c) => c.contype === "f");
  return {
    name: table,
    // By name: columns SQLite added with ALTER TABLE come last there, in table order here.
    columns: sortByName(columns),
    primaryKey: (primary?.columns as string[]) ?? [],
    indexes: sortByName(indexes.map((ix) => ({ name: ix.name, unique: ix.unique, partial: ix.partial, columns: ix.columns }))),
    foreignKeys: foreign
      .map(
        (fk) =>
          `(${(fk.columns as string[]).join(",")}) → ${fk.foreign_table}(${(fk.foreign_columns as string[]).join(",")}) ON DELETE ${DELETE_ACTIONS[String(fk.confdeltype)]} ON UPDATE ${DELETE_ACTIONS[String(fk.confupdtype)]}`,
      )
      .sort(),
    foreignKeyNames: foreign.map((fk) => String(fk.conname)).sort(),
  };
}

const suite = unavailable ? describe.skip : describe;

suite(`db/migrations-pg against db/migrations${unavailable ? ` (skipped: ${unavailable})` : ""}`, () => {
  let database: MigratedPgDatabase;
  const reference = sqliteReference();

  beforeAll(async () => {
    database = await createMigratedPgDatabase(adminUrl);
  }, 120_000);
  afterAll(() => database?.drop());

  it("creates exactly the tables SQLite has, in the public schema", async () => {
    const { rows } = await database.pool.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename");
    expect(rows.map((r) => r.tablename)).toEqual(reference.map((t) => t.name).sort());
    expect(reference.length).toBeGreaterThan(30);
  });

  it.each(reference.map((table) => [table.name, table] as const))("%s: same columns, keys, indexes and foreign keys", async (name, expected) => {
    const { foreignKeyNames, ...actual } = await pgActual(database, name);
    expect(actual).toEqual(expected);
    // The names drizzle gave them: none cut at PostgreSQL's 63 characters.
    const derived = getPgTableConfig((pgSchema as unknown as Record<string, PgTable>)[exportNameOf(name)]!);
    expect(foreignKeyNames).toEqual(derived.foreignKeys.map((fk) => fk.getName()).sort());
  });
});

function exportNameOf(tableName: string) {
  const entry = Object.entries(pgSchema).find(([, table]) => getTableName(table as PgTable) === tableName);
  if (!entry) throw new Error(`No export of db/schema/pg for table ${tableName}`);
  return entry[0];
}
