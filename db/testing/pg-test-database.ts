// PostgreSQL test databases: global setup migrates one template per run; each test file copies it.
import { randomBytes } from "node:crypto";
import pg from "pg";

export const TEMPLATE_DATABASE = "hindsight_template";

/** The cluster's admin URL this run uses (set by db/testing/pg-global-setup.ts). */
export function testClusterUrl(): string {
  const url = process.env.HINDSIGHT_TEST_PG_URL;
  if (!url) throw new Error('HINDSIGHT_TEST_PG_URL is not set: run the pg tests through `npm test` or the vitest project "pg"');
  return url;
}

export function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function adminQuery(adminUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A new database copied from the migrated template, and how to drop it. */
export async function createPgTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const admin = testClusterUrl();
  const name = `hindsight_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  for (let attempt = 1; ; attempt++) {
    try {
      await adminQuery(admin, `CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DATABASE}`);
      break;
    } catch (error) {
      // 55006: another worker's CREATE DATABASE is copying the template this instant.
      if ((error as { code?: string }).code !== "55006" || attempt >= 50) throw error;
      await sleep(50 + Math.random() * 100);
    }
  }
  return { url: databaseUrl(admin, name), drop: () => adminQuery(admin, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}
