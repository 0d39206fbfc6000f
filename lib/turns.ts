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
export async function runInTurns<T>(
  steps: Steps<T>,
  around: <R>(step: () => Promise<R>) => Promise<R> = (step) => step(),
  pause = pauseAfter,
): Promise<T> {
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
