// For the db:copy tests: a PostgreSQL server (HINDSIGHT_TEST_PG_URL, else a throwaway cluster
// started for the file), a seeded SQLite source, and fresh databases on demand.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll } from "vitest";
import { findPgBin, startCluster } from "@/scripts/pg-cluster.mjs";
import { createCopySource } from "./copy-source";

const givenUrl = process.env.HINDSIGHT_TEST_PG_URL;

/** False when there is neither a test server nor PostgreSQL binaries to start one: the suites skip. */
export const postgresAvailable = Boolean(givenUrl || findPgBin());

export type CopyTestContext = {
  /** A folder for the test's files, removed after the file's tests. */
  dir: string;
  /** A migrated, seeded Hindsight SQLite database (db/testing/copy-source.ts). */
  source: string;
  /** A new, empty PostgreSQL database; its URL. */
  newDatabase: () => Promise<string>;
};

/** Runs one statement (or several without parameters) on `url` with a connection of its own. */
export async function queryPg<T extends pg.QueryResultRow>(url: string, text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, params)).rows;
  } finally {
    await client.end();
  }
}

/** Call at the top of a describe block; read the fields inside tests (they are set in beforeAll). */
export function setUpCopyTest(prefix: string): CopyTestContext {
  const ctx = {} as CopyTestContext;
  let stop: (() => Promise<void>) | undefined;
  let adminUrl: string;
  const databases: string[] = [];
  beforeAll(async () => {
    if (givenUrl) adminUrl = givenUrl;
    else {
      const cluster = await startCluster();
      adminUrl = cluster.url;
      stop = cluster.stop;
    }
    ctx.dir = fs.mkdtempSync(path.join(os.tmpdir(), `hindsight-${prefix}-`));
    ctx.source = path.join(ctx.dir, "hindsight.db");
    createCopySource(ctx.source);
    ctx.newDatabase = async () => {
      const name = `hindsight_${prefix.replaceAll("-", "_")}_${process.pid}_${databases.length + 1}`;
      await queryPg(adminUrl, `CREATE DATABASE ${name}`);
      databases.push(name);
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      return url.toString();
    };
  }, 120_000);
  afterAll(async () => {
    if (ctx.dir) fs.rmSync(ctx.dir, { recursive: true, force: true });
    if (stop) await stop();
    // On a shared test server, leave nothing behind.
    else for (const name of databases) await queryPg(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }, 120_000);
  return ctx;
}
