// Vitest global setup of the "pg" project: a throwaway cluster (unless HINDSIGHT_TEST_PG_URL names one)
// and a template database with db/migrations-pg applied, which every test file copies.
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import path from "node:path";
import pg from "pg";
import { startCluster } from "../../scripts/pg-cluster.mjs";
import { adminQuery, databaseUrl, TEMPLATE_DATABASE } from "./pg-test-database";

export default async function setup() {
  const cluster = process.env.HINDSIGHT_TEST_PG_URL ? null : await startCluster();
  const admin = process.env.HINDSIGHT_TEST_PG_URL ?? cluster!.url;
  process.env.HINDSIGHT_TEST_PG_URL = admin;
  await adminQuery(admin, `DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`);
  await adminQuery(admin, `CREATE DATABASE ${TEMPLATE_DATABASE}`);
  const pool = new pg.Pool({ connectionString: databaseUrl(admin, TEMPLATE_DATABASE), max: 1 });
  try {
    await migrate(drizzle({ client: pool }), { migrationsFolder: path.join(process.cwd(), "db", "migrations-pg") });
  } finally {
    await pool.end();
  }
  return async () => {
    if (cluster) await cluster.stop();
    else await adminQuery(admin, `DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`);
  };
}
