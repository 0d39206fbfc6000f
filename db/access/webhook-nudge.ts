import "server-only";

type Listener = () => void;
// On globalThis: route handlers and server actions may load this module in separate bundles.
const shared = globalThis as unknown as { hindsightWebhookNudge?: Set<Listener> };
const listeners = (shared.hindsightWebhookNudge ??= new Set());

/** The worker listens: a delivery queued by an admin goes out now, not at the next tick. */
export function onWebhookNudge(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function nudgeWebhookWorker() {
  for (const listener of listeners) setImmediate(listener);
}
