import "server-only";
import type { Actor } from "@/lib/actor";
import { actorLabel } from "@/lib/actor";
import { events } from "../schema";
import type { Writer } from "../types";
import type { NewEvent } from "../queries/events/types";
import { afterCommit } from "../transaction";
import { holdEventLog } from "./event-log-lock";

type Listener = () => void;
// On globalThis: route handlers and server actions may load this module in separate bundles.
const shared = globalThis as unknown as { hindsightEventListeners?: { listeners: Set<Listener>; scheduled: boolean } };
const state = (shared.hindsightEventListeners ??= { listeners: new Set(), scheduled: false });
const listeners = state.listeners;

/**
 * Calls `listener` soon after this process commits an event (the feed polls right away instead of
 * waiting for its next tick). Other processes hear of it through PostgreSQL's NOTIFY (event-log-lock.ts).
 */
export function onEventAppended(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function nudge() {
  if (state.scheduled || listeners.size === 0) return;
  state.scheduled = true;
  setImmediate(() => {
    state.scheduled = false;
    for (const listener of listeners) listener();
  });
}

/**
 * Appends one event to the log; call inside the transaction of the change, with the change's `now`.
 * The payload is the new state of what changed (db/queries/events/types.ts), built for no particular reader.
 */
export async function appendEvent(tx: Writer, actor: Actor | null, event: NewEvent, now = Date.now()): Promise<number> {
  await holdEventLog(tx);
  const row = (
    await tx
      .insert(events)
      .values({
        incidentId: event.incidentId,
        type: event.type,
        actorUserId: actor?.kind === "user" ? actor.userId : null,
        actorTokenId: actor?.kind === "token" ? actor.tokenId : null,
        actorIntegrationId: actor?.kind === "integration" ? actor.integrationId : null,
        actorLabel: actor ? actorLabel(actor) : "Hindsight",
        at: now,
        payload: JSON.stringify(event.payload),
      })
      .returning({ id: events.id })
  )[0]!;
  afterCommit(nudge);
  return row.id;
}
