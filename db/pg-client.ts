import pg from "pg";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import path from "node:path";
import * as schema from "./schema";
import { registerPg, type Db } from "./client";
import { transactionStorage, type TransactionScope } from "./transaction-context";
import { runAfterCommit } from "./transaction";
import { createListener } from "./pg-listener";
import { MIGRATION_LOCK_KEY } from "./pg-locks";
import { env } from "@/server/env";

// PostgreSQL: one pool per process. Loaded only when DATABASE_URL is a postgres:// URL.

// int8 (counts, epoch-ms times) and numeric (sums, averages) as numbers: every value the app stores fits 2^53.
pg.types.setTypeParser(20, (value) => Number(value));
pg.types.setTypeParser(1700, (value) => Number(value));

/** SQLSTATEs after which rerunning the whole transaction is the fix: serialization failure, deadlock. */
const RETRYABLE = new Set(["40001", "40P01"]);
const MAX_ATTEMPTS = 12;

export function createPool(url: string, max: number): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max, idleTimeoutMillis: 30_000, connectionTimeoutMillis: 10_000 });
  // An idle client losing its connection (a database restart) must not crash the process.
  pool.on("error", () => {});
  return pool;
}

export async function migratePg(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    try {
      await migrate(drizzle(client), { migrationsFolder: path.join(/*turbopackIgnore: true*/ process.cwd(), "db", "migrations-pg") });
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]);
    }
  } finally {
    client.release();
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function openPg() {
  const url = env("DATABASE_URL")!;
  const pool = createPool(url, env("DATABASE_POOL_SIZE"));
  const listener = createListener(url);
  const db = drizzle(pool, { schema }) as unknown as Db;
  let ready: Promise<void> | null = null;

  async function transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const scope: TransactionScope = { tx: db, open: true, afterCommit: [], savepoints: 0 };
      try {
        const result = await (db as unknown as { transaction: (cb: (tx: Db) => Promise<T>, config: object) => Promise<T> }).transaction(
          (tx) => {
            scope.tx = tx;
            return transactionStorage.run(scope, () => fn(tx));
          },
          { isolationLevel: "serializable" },
        );
        runAfterCommit(scope);
        return result;
      } catch (error) {
        scope.open = false;
        const code = (error as { code?: string; cause?: { code?: string } }).code ?? (error as { cause?: { code?: string } }).cause?.code;
        if (!code || !RETRYABLE.has(code) || attempt >= MAX_ATTEMPTS) throw error;
        await sleep(Math.random() * Math.min(200, 5 * 2 ** attempt));
      }
    }
  }

  return {
    pool,
    provider: {
      db: () => db,
      transaction,
      ready: () => (ready ??= migratePg(pool)),
      listen: listener.listen,
      close: async () => {
        await listener.close();
        await pool.end();
      },
    },
  };
}

const globalPg = globalThis as unknown as { hindsightPgPool?: ReturnType<typeof openPg> };

/** The process's pool (opened on first use from DATABASE_URL), registered as the data layer's PostgreSQL connection. */
export function connectPg(): ReturnType<typeof openPg> {
  if (!globalPg.hindsightPgPool) {
    const opened = openPg();
    const close = opened.provider.close;
    opened.provider.close = async () => {
      if (globalPg.hindsightPgPool === opened) globalPg.hindsightPgPool = undefined;
      registerPg(undefined);
      await close();
    };
    globalPg.hindsightPgPool = opened;
    registerPg(opened.provider);
  }
  return globalPg.hindsightPgPool;
}
