// For the PostgreSQL schema tests: a new database with db/migrations-pg applied, on the cluster of
// HINDSIGHT_TEST_PG_URL when the test run has one, else on a throwaway cluster of its own.
import { randomBytes } from "node:crypto";
import path from "node:path";
import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import { findPgBin, startCluster } from "../../../scripts/pg-cluster.mjs";
import { adminQuery } from "../../testing/pg-test-database";

export const PG_MIGRATIONS = path.join(process.cwd(), "db", "migrations-pg");

export type MigratedPgDatabase = { pool: pg.Pool; db: NodePgDatabase; url: string; drop: () => Promise<void> };

/** Why the PostgreSQL tests cannot run here, or null when they can. */
export function pgUnavailableReason(adminUrl: string | undefined): string | null {
  return adminUrl || findPgBin() ? null : "no PostgreSQL binaries found (install Debian's postgresql, or set PG_BIN or HINDSIGHT_TEST_PG_URL)";
}

export async function createMigratedPgDatabase(adminUrl: string | undefined): Promise<MigratedPgDatabase> {
  const cluster = adminUrl ? null : await startCluster();
  const admin = adminUrl ?? cluster!.url;
  const name = `pgschema_${process.pid}_${randomBytes(4).toString("hex")}`;
  await adminQuery(admin, `CREATE DATABASE ${name}`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const pool = new pg.Pool({ connectionString: url.toString(), max: 4 });
  const db = drizzle({ client: pool });
  const drop = async () => {
    await pool.end();
    if (cluster) return cluster.stop();
    await adminQuery(admin, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  };
  try {
    await migrate(db, { migrationsFolder: PG_MIGRATIONS });
  } catch (error) {
    await drop();
    throw error;
  }
  return { pool, db, url: url.toString(), drop };
}
