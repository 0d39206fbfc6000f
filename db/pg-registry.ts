import type { Db } from "./client";

/** What db/pg-client.ts provides once loaded: the pool's database, transactions, LISTEN and lifecycle. */
export type PgProvider = {
  db: () => Db;
  transaction: <T>(fn: (tx: Db) => Promise<T>) => Promise<T>;
  ready: () => Promise<void>;
  close: () => Promise<void>;
  listen: (channel: string, callback: () => void) => () => void;
};

// On globalThis: route bundles may load the data layer more than once; scripts/server.mjs closes it on shutdown.
const pgGlobal = globalThis as unknown as { hindsightPg?: PgProvider };

export function registerPg(provider: PgProvider | undefined) {
  pgGlobal.hindsightPg = provider;
}

export function pgProvider(): PgProvider {
  if (!pgGlobal.hindsightPg) throw new Error("PostgreSQL is configured (DATABASE_URL) but not connected: await prepareDatabase() first");
  return pgGlobal.hindsightPg;
}

export function registeredPg(): PgProvider | undefined {
  return pgGlobal.hindsightPg;
}
