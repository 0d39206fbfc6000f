// The PostgreSQL side of a copy: the URL, the connection, the migrations, the emptiness check.
import pg from "pg";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import { CopyRefused } from "./copy-errors";
import { quoteIdent } from "./sqlite-source";
import { MIGRATION_LOCK_KEY } from "../../pg-locks";
import { describePgUrl } from "../startup-checks-pg.mjs";

export { MIGRATION_LOCK_KEY };

/** The URL without its password, for messages (the same words npm start uses). */
export const describeUrl = (url: string): string => describePgUrl(url);

/** Refuses anything but a postgres:// or postgresql:// URL with a host and a database name. */
export function checkTargetUrl(url: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new CopyRefused(`--to: not a URL; give postgres://USER:PASSWORD@HOST:PORT/DATABASE`);
  }
  if (parsed.protocol !== "postgres:" && parsed.protocol !== "postgresql:") {
    throw new CopyRefused(`--to: ${describeUrl(url)} is not a PostgreSQL URL (postgres://USER:PASSWORD@HOST:PORT/DATABASE)`);
  }
  if (!parsed.hostname && !parsed.searchParams.get("host")) throw new CopyRefused(`--to: ${describeUrl(url)} names no host`);
  if (parsed.pathname.replace(/^\//, "") === "") throw new CopyRefused(`--to: ${describeUrl(url)} names no database`);
}

export async function connectTarget(url: string): Promise<pg.Client> {
  checkTargetUrl(url);
  const client = new pg.Client({ connectionString: url, application_name: "hindsight db:copy" });
  try {
    await client.connect();
  } catch (error) {
    throw new CopyRefused(`--to: cannot connect to ${describeUrl(url)}: ${(error as Error).message}`);
  }
  // Text is compared byte for byte with SQLite's UTF-8; another encoding would change it.
  const { rows } = await client.query<{ server_encoding: string }>("SHOW server_encoding");
  if (rows[0]?.server_encoding !== "UTF8") {
    await client.end();
    throw new CopyRefused(`--to: the database's encoding is ${rows[0]?.server_encoding}; create it with ENCODING 'UTF8'`);
  }
  return client;
}

/** Tables of the current schema (public) that hold at least one row. */
export async function nonEmptyTables(client: pg.Client | pg.PoolClient, tables?: readonly string[]): Promise<string[]> {
  const names =
    tables ??
    (
      await client.query<{ name: string }>(
        "SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') ORDER BY 1",
      )
    ).rows.map((r) => r.name);
  if (names.length === 0) return [];
  const probe = names.map((name, i) => `SELECT $${i + 1}::text AS name WHERE EXISTS (SELECT 1 FROM ${quoteIdent(name)})`).join(" UNION ALL ");
  return (await client.query<{ name: string }>(probe, [...names])).rows.map((r) => r.name);
}

export function refuseNonEmpty(tables: string[]): void {
  if (tables.length) {
    throw new CopyRefused(
      `--to: the database already holds rows (in ${tables.join(", ")}). The copy only fills an empty database: create a new one (CREATE DATABASE …) or empty this one.`,
    );
  }
}

/** Applies the PostgreSQL migrations (drizzle's log in schema "drizzle") under the app's advisory lock. */
export async function migrateTarget(client: pg.Client, migrationsFolder: string): Promise<void> {
  await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
  try {
    await migrate(drizzle(client), { migrationsFolder });
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]);
  }
}
