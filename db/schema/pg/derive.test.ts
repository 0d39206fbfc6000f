import { afterEach, describe, expect, it, vi } from "vitest";
import { SQL, getTableColumns, getTableName, is, sql } from "drizzle-orm";
import { PgColumn, PgDialect, PgTable, getTableConfig as getPgTableConfig } from "drizzle-orm/pg-core";
import { SQLiteTable, blob, getTableConfig, integer, numeric, sqliteTable, text } from "drizzle-orm/sqlite-core";
import * as sqlite from "../sqlite";
import { derivePgTables, toPgSql } from "./derive";
import * as pg from "./index";

const dialect = new PgDialect();
const sqliteTables = Object.entries(sqlite as Record<string, unknown>).filter((entry): entry is [string, SQLiteTable] => is(entry[1], SQLiteTable));
const pgTables = pg as unknown as Record<string, PgTable>;
const indexOf = (table: PgTable, name: string) => getPgTableConfig(table).indexes.find((ix) => ix.config.name === name)!;
const whereOf = (table: PgTable, name: string) => dialect.sqlToQuery(indexOf(table, name).config.where!).sql;

describe("toPgSql", () => {
  const flags = sqliteTable("flags", {
    id: integer("id").primaryKey(),
    flag: integer("flag", { mode: "boolean" }).notNull(),
    n: integer("n").notNull(),
  });
  const { flags: pgFlags } = derivePgTables({ flags });
  const lookup = (column: { name: string }) => Object.values(getTableColumns(pgFlags)).find((c) => c.name === column.name)!;
  const render = (expression: SQL) => dialect.sqlToQuery(toPgSql(expression, lookup)).sql;

  it("compares boolean columns with true/false where SQLite compares them with 1/0, on either side", () => {
    expect(render(sql`${flags.flag} = 1`)).toBe('"flags"."flag" = true');
    expect(render(sql`${flags.flag}<>0 AND 1 = ${flags.flag}`)).toBe('"flags"."flag"<>false AND true = "flags"."flag"');
    expect(render(sql`${flags.flag} != 0`)).toBe('"flags"."flag" != false');
  });

  it("leaves integer columns, longer numbers and other operators alone", () => {
    expect(render(sql`${flags.n} = 1`)).toBe('"flags"."n" = 1');
    expect(render(sql`${flags.flag} = 10`)).toBe('"flags"."flag" = 10');
    expect(render(sql`${flags.flag} = 1.5`)).toBe('"flags"."flag" = 1.5');
    expect(render(sql`${flags.flag} IS NOT NULL`)).toBe('"flags"."flag" IS NOT NULL');
  });

  it("puts the PostgreSQL columns in place of the SQLite ones, in nested expressions too", () => {
    const rewritten = toPgSql(sql`coalesce(${sql`${flags.n}`}, 0)`, lookup);
    const inner = rewritten.queryChunks.find((chunk) => is(chunk, SQL)) as SQL;
    expect(inner.queryChunks.some((chunk) => is(chunk, PgColumn))).toBe(true);
    expect(dialect.sqlToQuery(rewritten).sql).toBe('coalesce("flags"."n", 0)');
  });
});

describe("derivePgTables", () => {
  it("derives every SQLite table under its export name, with the same table and column names", () => {
    expect(Object.keys(pg).sort()).toEqual(sqliteTables.map(([name]) => name).sort());
    for (const [name, table] of sqliteTables) {
      const pgTable = pgTables[name]!;
      expect(is(pgTable, PgTable)).toBe(true);
      expect(getTableName(pgTable)).toBe(getTableName(table));
      expect(getPgTableConfig(pgTable).columns.map((c) => [c.name, c.notNull])).toEqual(getTableConfig(table).columns.map((c) => [c.name, c.notNull]));
    }
  });

  it("maps the column types, with identity keys for AUTOINCREMENT ones and boolean defaults as booleans", () => {
    const columns = Object.fromEntries(getPgTableConfig(pg.incidents).columns.map((c) => [c.name, c]));
    expect(columns.id!.getSQLType()).toBe("bigint");
    expect(columns.id!.generatedIdentity?.type).toBe("byDefault");
    expect(columns.declared_at!.getSQLType()).toBe("bigint");
    expect(columns.drill!.getSQLType()).toBe("boolean");
    expect(columns.drill!.default).toBe(false);
    expect(columns.title!.getSQLType()).toBe("text");
    expect(columns.version!.default).toBe(1);
    const weight = getPgTableConfig(pg.sloSpendSegments).columns.find((c) => c.name === "weight")!;
    expect(weight.getSQLType()).toBe("double precision");
    // A key that is not AUTOINCREMENT (the row is written with id 1) is a plain bigint key.
    const cursorId = getPgTableConfig(pg.webhookFanoutCursor).columns.find((c) => c.name === "id")!;
    expect([cursorId.primary, cursorId.generatedIdentity]).toEqual([true, undefined]);
  });

  it("maps JSON text to jsonb and blobs to bytea, and refuses column types it has no mapping for", () => {
    const docs = sqliteTable("docs", { body: text("body", { mode: "json" }), data: blob("data", { mode: "buffer" }) });
    const types = getPgTableConfig(derivePgTables({ docs }).docs).columns.map((c) => c.getSQLType());
    expect(types).toEqual(["jsonb", "bytea"]);
    const odd = sqliteTable("odd", { amount: numeric("amount") });
    expect(() => derivePgTables({ odd })).toThrow(/^odd\.amount: a SQLiteNumeric column has no PostgreSQL mapping/);
  });

  it("rewrites partial index conditions on booleans only", () => {
    expect(whereOf(pg.incidents, "incidents_drill_idx")).toBe('"incidents"."drill" = true');
    // incident_facts.private is a plain integer copy (0/1), not a boolean column.
    expect(whereOf(pg.incidentFacts, "incident_facts_private_idx")).toBe('"incident_facts"."private" = 1');
    expect(whereOf(pg.webhookDeliveries, "webhook_deliveries_due_idx")).toBe("\"webhook_deliveries\".\"status\" IN ('pending', 'delivering')");
    expect(indexOf(pg.incidentRoles, "incident_roles_lead_unique").config.unique).toBe(true);
  });

  it("points foreign keys at the derived tables, with their delete actions", () => {
    for (const [name] of sqliteTables) {
      for (const fk of getPgTableConfig(pgTables[name]!).foreignKeys) {
        const reference = fk.reference();
        expect(is(reference.foreignTable, PgTable)).toBe(true);
        expect(reference.foreignTable).toBe(pgTables[Object.keys(pg).find((key) => pgTables[key] === reference.foreignTable)!]);
      }
    }
    const fks = getPgTableConfig(pg.actionItems).foreignKeys.map((fk) => [
      fk.reference().columns[0]!.name,
      getTableName(fk.reference().foreignTable),
      fk.onDelete,
    ]);
    expect(fks).toEqual(
      expect.arrayContaining([
        ["incident_id", "incidents", "cascade"],
        ["service_id", "services", "set null"],
        ["owner_id", "users", "no action"],
      ]),
    );
  });
});

describe("db/schema on each engine", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it("exports the SQLite tables without DATABASE_URL", async () => {
    vi.stubEnv("DATABASE_URL", "");
    vi.resetModules();
    const schema = (await import("../index")) as Record<string, unknown>;
    for (const [name] of sqliteTables) expect(is(schema[name], SQLiteTable), name).toBe(true);
  });

  it("exports the derived PostgreSQL tables for a postgres:// DATABASE_URL, and helpers unchanged", async () => {
    vi.stubEnv("DATABASE_URL", "postgres://hindsight@127.0.0.1:5432/hindsight");
    vi.resetModules();
    const schema = (await import("../index")) as Record<string, unknown>;
    for (const [name, table] of sqliteTables) {
      expect(is(schema[name], PgTable), name).toBe(true);
      expect(getTableName(schema[name] as PgTable)).toBe(getTableName(table));
    }
    expect(typeof schema.openRankOf).toBe("function");
  });

  it("refuses to load with a DATABASE_URL that is not a PostgreSQL URL, naming it", async () => {
    vi.stubEnv("DATABASE_URL", "mysql://db/hindsight");
    vi.resetModules();
    await expect(import("../index")).rejects.toThrow(/DATABASE_URL must be a PostgreSQL connection URL/);
  });
});
