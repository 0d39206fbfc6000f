/**
 * Long work (a cold insights report runs ~60 SQL statements) written as an async generator
 * that yields between its steps. Run in turns, each step is followed by a trip through the event
 * loop and a pause, so other requests (a health check, a page) are served between the steps
 * instead of waiting for the whole computation.
 */
export type Steps<T> = AsyncGenerator<void, T, void>;

/** Runs every step at once, for callers that want the plain result (tests, the bench). */
export async function runAtOnce<T>(steps: Steps<T>, around: <R>(step: () => Promise<R>) => Promise<R> = (step) => step()): Promise<T> {
  for (;;) {
    const next = await around(() => steps.next());
    if (next.done) return next.value;
  }
}

/**
 * After a step of `ms`, how long to leave the event loop to everything else. A request passes
 * through the loop several times (accept, read, proxy, handler, write), so one turn between steps
 * is not enough for it to finish: a pause of half the step (at most 200 ms) lets it complete
 * between two steps, at the cost of a report taking up to half as long again.
 */
export const pauseAfter = (ms: number) => Math.min(200, Math.max(1, ms / 2));

/** Runs one step per turn of the event loop, pausing after each (see pauseAfter). */
export async function runInTurns<T>(steps: Steps<T>, around: <R>(step: () => Promise<R>) => Promise<R> = (step) => step(), pause = pauseAfter): Promise<T> {
  for (;;) {
    const started = performance.now();
    const next = await around(() => steps.next());
    if (next.done) return next.value;
    const wait = pause(performance.now() - started);
    await new Promise<void>((resolve) => setTimeout(resolve, wait));
  }
}

/** Too many computations are already waiting for their turn. */
export class QueueFullError extends Error {}

/**
 * Lets one task run at a time (they share temp tables on one connection), with at most
 * `maxWaiting` more waiting; beyond that `run` rejects with QueueFullError at once, so a
 * flood of expensive requests cannot pile up without bound.
 */
export function oneAtATime(maxWaiting: number) {
  let tail: Promise<unknown> = Promise.resolve();
  // Tasks accepted and not finished: the one running plus those waiting.
  let pending = 0;
  return {
    get pending() {
      return pending;
    },
    run<T>(task: () => Promise<T>): Promise<T> {
      if (pending > maxWaiting) return Promise.reject(new QueueFullError("Too many tasks waiting"));
      pending++;
      const result = tail.then(task).finally(() => pending--);
      tail = result.catch(() => undefined);
      return result;
    },
  };
}

/**
 * Keeps decisions in call order while the work before them overlaps: `ordered(work, decide)`
 * starts `work` at once, then calls `decide` with its result only after every earlier call's
 * `decide` was called (or its work failed). Concurrent database round trips (PostgreSQL's pool)
 * finish in any order; a queue admitting requests as their first query returns would let a later
 * request take an earlier one's place.
 */
export function inCallOrder() {
  let tail: Promise<void> = Promise.resolve();
  return async function ordered<P, R>(work: () => Promise<P>, decide: (prepared: P) => R): Promise<Awaited<R>> {
    const previous = tail;
    let release!: () => void;
    tail = new Promise<void>((resolve) => (release = resolve));
    try {
      const prepared = await work();
      await previous;
      // The next call may decide once this one has decided, not once what it decided has finished.
      const decided = decide(prepared);
      release();
      return await decided;
    } finally {
      // After a failed `work` (or `decide`), the next call still waits for the earlier ones.
      void previous.then(release);
    }
  };
}
