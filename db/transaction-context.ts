import { AsyncLocalStorage } from "node:async_hooks";
import type { Db } from "./client";

/** The transaction a piece of async work runs in, so `getDb()` inside it returns the transaction. */
export type TransactionScope = {
  tx: Db;
  /** False once the outermost transaction has committed or rolled back: late async work gets the default connection. */
  open: boolean;
  afterCommit: (() => void)[];
  savepoints: number;
};

const globalScope = globalThis as unknown as { hindsightTxStorage?: AsyncLocalStorage<TransactionScope> };
// One store per process: route bundles may load this module more than once.
export const transactionStorage = (globalScope.hindsightTxStorage ??= new AsyncLocalStorage<TransactionScope>());

export function currentScope(): TransactionScope | undefined {
  const scope = transactionStorage.getStore();
  return scope?.open ? scope : undefined;
}

export function currentTransaction(): Db | undefined {
  return currentScope()?.tx;
}

/** Runs a committed scope's callbacks outside it: they may start transactions of their own. */
export function runAfterCommit(scope: TransactionScope) {
  scope.open = false;
  transactionStorage.exit(() => {
    for (const callback of scope.afterCommit) callback();
  });
}
