// npm start on PostgreSQL: refuses an unreachable server or a newer database with a message, and
// processes starting together apply the migrations once.
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminQuery, databaseUrl } from "../testing/pg-test-database";
import { pgUnavailableReason } from "../schema/pg/test-database";
import { describePgUrl, preparePgDatabase } from "./startup-checks-pg.mjs";

const migrationsFolder = path.join(process.cwd(), "db", "migrations-pg");
const unavailable = pgUnavailableReason(process.env.HINDSIGHT_TEST_PG_URL);

describe.skipIf(unavailable)(`PostgreSQL start-up checks${unavailable ? ` (skipped: ${unavailable})` : ""}`, () => {
  let admin = "";
  let stop: (() => Promise<void>) | null = null;
  const name = `startup_${process.pid}`;
  beforeAll(async () => {
    if (process.env.HINDSIGHT_TEST_PG_URL) admin = process.env.HINDSIGHT_TEST_PG_URL;
    else {
      const { startCluster } = await import("../../scripts/pg-cluster.mjs");
      const cluster = await startCluster();
      admin = cluster.url;
      stop = cluster.stop;
    }
    await adminQuery(admin, `CREATE DATABASE ${name}`);
  }, 60_000);
  afterAll(async () => {
    await adminQuery(admin, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
    await stop?.();
  });

  it("migrates once when three processes start together, and again finds nothing to do", async () => {
    const url = databaseUrl(admin, name);
    await Promise.all([1, 2, 3].map(() => preparePgDatabase({ url, migrationsFolder })));
    await preparePgDatabase({ url, migrationsFolder });
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const applied = (await client.query("SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations")).rows[0].n;
      const journal = (await import(path.join(migrationsFolder, "meta", "_journal.json"), { with: { type: "json" } })).default;
      expect(applied).toBe(journal.entries.length);
      expect((await client.query("SELECT to_regclass('public.incidents') IS NOT NULL AS ok")).rows[0].ok).toBe(true);
    } finally {
      await client.end();
    }
  });

  it("gives every app table the change-counter trigger the caches rely on (a new table needs one in its PG migration)", async () => {
    const client = new pg.Client({ connectionString: databaseUrl(admin, name) });
    await client.connect();
    try {
      const { rows } = await client.query(`
        SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind = 'r'
          AND (SELECT count(*) FROM pg_trigger t WHERE t.tgrelid = c.oid AND t.tgname LIKE c.relname || '\\_data\\_version\\_%') <> 4`);
      expect(rows.map((r) => r.name)).toEqual([]);
      // What db/queries/insights/cache.ts reads: a fresh sequence's first value is 1 with is_called false.
      const version = async () =>
        Number((await client.query("SELECT CASE WHEN is_called THEN last_value ELSE 0 END AS v FROM hindsight_data_version")).rows[0].v);
      const before = await version();
      // A statement that changes no row leaves it (a prune with nothing to prune must not empty every cache).
      await client.query("UPDATE settings SET value = value WHERE false");
      await client.query("DELETE FROM login_attempts WHERE false");
      expect(await version()).toBe(before);
      await client.query("INSERT INTO settings (key, value, updated_at) VALUES ('data-version-probe', '1', 0)");
      await client.query("DELETE FROM settings WHERE key = 'data-version-probe'");
      expect(await version()).toBe(before + 2);
    } finally {
      await client.end();
    }
  });

  it("refuses a database migrated by newer code, naming the counts", async () => {
    const url = databaseUrl(admin, name);
    await adminQuery(url, `INSERT INTO drizzle.__drizzle_migrations (hash, created_at) VALUES ('from-the-future', 99999999999999)`);
    await expect(preparePgDatabase({ url, migrationsFolder })).rejects.toThrow(/newer than this version of Hindsight/);
    await adminQuery(url, `DELETE FROM drizzle.__drizzle_migrations WHERE hash = 'from-the-future'`);
  });

  it("says which server it could not reach, without the password", async () => {
    const url = "postgres://hindsight:s3cret@127.0.0.1:1/hindsight";
    const error = await preparePgDatabase({ url, migrationsFolder }).catch((e: Error) => e);
    expect(String(error)).toMatch(/Cannot connect to the PostgreSQL database postgres:\/\/hindsight:\*\*\*@127\.0\.0\.1:1\/hindsight/);
    expect(String(error)).not.toContain("s3cret");
    expect(describePgUrl("postgresql://u:p@h/db")).toBe("postgresql://u:***@h/db");
  });
});
