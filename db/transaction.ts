import { sql } from "drizzle-orm";
import type { Db } from "./client";
import { sqliteWriter } from "./client";
import { pgProvider } from "./pg-registry";
import { dialect } from "./dialect";
import { currentScope, runAfterCommit, transactionStorage, type TransactionScope } from "./transaction-context";

/**
 * Runs `fn` in one transaction and returns its result; `getDb()` inside returns the transaction.
 * SQLite: writes are serialised in this process (one writer connection, BEGIN IMMEDIATE), as the
 * engine serialises them anyway. PostgreSQL: SERIALIZABLE, so what SQLite's single writer made
 * safe stays safe, and a serialization failure or deadlock reruns `fn` (keep side effects out of
 * it: use `afterCommit`). Inside another transaction it runs as a savepoint.
 */
export async function transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
  const scope = currentScope();
  if (scope) return savepoint(scope, fn);
  if (dialect === "pg") return pgProvider().transaction(fn);
  return sqliteTransaction(fn);
}

/** Runs `fn` once the outermost transaction commits (at once outside a transaction); never after a rollback. */
export function afterCommit(fn: () => void) {
  const scope = currentScope();
  if (scope) scope.afterCommit.push(fn);
  else fn();
}

let writerQueue: Promise<unknown> = Promise.resolve();

async function sqliteTransaction<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
  const previous = writerQueue;
  let release!: () => void;
  writerQueue = new Promise<void>((resolve) => (release = resolve));
  await previous;
  const { db, sqlite } = sqliteWriter();
  const scope: TransactionScope = { tx: db, open: true, afterCommit: [], savepoints: 0 };
  try {
    sqlite.exec("BEGIN IMMEDIATE");
    let result: T;
    try {
      result = await transactionStorage.run(scope, () => fn(db));
      sqlite.exec("COMMIT");
    } catch (error) {
      scope.open = false;
      if (sqlite.inTransaction) sqlite.exec("ROLLBACK");
      throw error;
    }
    runAfterCommit(scope);
    return result;
  } finally {
    release();
  }
}

async function savepoint<T>(scope: TransactionScope, fn: (tx: Db) => Promise<T>): Promise<T> {
  scope.savepoints += 1;
  const name = sql.raw(`hindsight_sp_${scope.savepoints}`);
  await execRaw(scope.tx, sql`SAVEPOINT ${name}`);
  try {
    const result = await fn(scope.tx);
    await execRaw(scope.tx, sql`RELEASE SAVEPOINT ${name}`);
    return result;
  } catch (error) {
    await execRaw(scope.tx, sql`ROLLBACK TO SAVEPOINT ${name}`);
    await execRaw(scope.tx, sql`RELEASE SAVEPOINT ${name}`);
    throw error;
  }
}

async function execRaw(tx: Db, statement: Awaited<ReturnType<typeof sql>>) {
  if (dialect === "pg") await (tx as unknown as { execute: (q: unknown) => Promise<unknown> }).execute(statement);
  else tx.run(statement);
}
