// npm start's checks on PostgreSQL (DATABASE_URL): the server answers, speaks UTF-8, is 15 or later,
// and was not migrated by newer code; then pending migrations are applied under the advisory lock
// every process takes (db/pg-client.ts), so processes starting together migrate once.
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import { StartupCheckError } from "./startup-checks.mjs";

/** Same key as MIGRATION_LOCK_KEY in db/pg-locks.ts (this file runs before any TypeScript loads). */
const MIGRATION_LOCK_KEY = 7_201_114;

/** The URL without its password, for messages. */
export function describePgUrl(url) {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(an unreadable URL)";
  }
}

export async function preparePgDatabase({ url, migrationsFolder }) {
  const where = describePgUrl(url);
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
  } catch (error) {
    throw new StartupCheckError(
      `Cannot connect to the PostgreSQL database ${where} (${error.code ?? error.message}). Check DATABASE_URL (host, port, user, password, database name) and that the server accepts connections from here.`,
    );
  }
  try {
    const { rows } = await client.query(
      "SELECT current_setting('server_version_num')::int AS version, pg_encoding_to_char(encoding) AS encoding FROM pg_database WHERE datname = current_database()",
    );
    const { version, encoding } = rows[0];
    if (version < 150000)
      throw new StartupCheckError(`The PostgreSQL server of ${where} is version ${Math.floor(version / 10000)}; Hindsight needs PostgreSQL 15 or later.`);
    if (encoding !== "UTF8")
      throw new StartupCheckError(
        `The database ${where} uses the ${encoding} encoding; Hindsight needs UTF8 (CREATE DATABASE … ENCODING 'UTF8' TEMPLATE template0).`,
      );
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    try {
      await refuseNewerMigrations(client, where, migrationsFolder);
      await migrate(drizzle(client), { migrationsFolder });
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]);
    }
  } catch (error) {
    if (error instanceof StartupCheckError) throw error;
    throw new StartupCheckError(`Preparing the PostgreSQL database ${where} failed: ${error.message}`);
  } finally {
    await client.end().catch(() => {});
  }
}

async function refuseNewerMigrations(client, where, migrationsFolder) {
  const known = JSON.parse(fs.readFileSync(path.join(migrationsFolder, "meta", "_journal.json"), "utf8")).entries ?? [];
  const latestKnown = Math.max(0, ...known.map((entry) => entry.when));
  const { rows } = await client.query("SELECT to_regclass('drizzle.__drizzle_migrations') IS NOT NULL AS present");
  if (!rows[0].present) return;
  const applied = (await client.query("SELECT created_at FROM drizzle.__drizzle_migrations")).rows;
  const newer = applied.filter((row) => Number(row.created_at) > latestKnown);
  if (newer.length > 0 || applied.length > known.length) {
    throw new StartupCheckError(
      `The database ${where} is newer than this version of Hindsight: it has ${applied.length} migrations applied, ${newer.length} of them unknown here ` +
        `(this code knows ${known.length}). Run the newer Hindsight it was upgraded with, or restore a backup made by this version.`,
    );
  }
}
