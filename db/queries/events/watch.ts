import "server-only";
import type { Actor } from "@/lib/actor";
import { getDb } from "../../client";
import { readableIncident } from "../../access/incidents";
import { AccessCache, actorStillValid, snapshotActor } from "./access";
import { eventFeed, lastEventId, readEvents, type EventFeed, type FeedEvent } from "./feed";

/** How often a stream re-checks its caller and (for one incident) that they may still read it. */
export const RECHECK_MS = 2_000;

export type WatchOptions = {
  actor: Actor;
  /** One incident's events; without it, every incident the actor may see (checked per event when sent). */
  incidentId?: number;
  /** Replay events after this id first; null: live from now. */
  afterId: number | null;
  /** Writes one SSE frame; the same bytes go to every watcher. */
  send: (frame: Uint8Array) => void;
  /** The stream must end (access lost, shutdown); called once, not after `stop()`. */
  end: (reason: string) => void;
  recheckMs?: number;
  feed?: EventFeed;
};

/**
 * Starts a watch: 404 (thrown, before anything is sent) when the incident is not readable. Replays
 * what was missed, then follows the feed. Ends when the caller's account, role or token changes,
 * or when the incident stops being readable to them; on the all-incidents stream an event of an
 * incident the caller may not see (at send time) is skipped.
 */
export async function watchEvents({
  actor,
  incidentId,
  afterId,
  send,
  end,
  recheckMs = RECHECK_MS,
  feed = eventFeed(),
}: WatchOptions): Promise<{ stop: () => void }> {
  const db = getDb();
  if (incidentId !== undefined) await readableIncident(db, actor, incidentId);
  const snapshot = await snapshotActor(db, actor);
  let open = true;
  // Live from now: what the feed has not handed out yet but was written before this call is not
  // sent. A client that says it has seen ids the log has not reached yet gets only later ones.
  // Raised to the replay's end once it is sent: a batch the feed handed out while the replay was
  // being read (and already queued for this watch) must not send those events again.
  let skipUpTo = afterId ?? (await lastEventId(db));

  /** Sends what the actor may see; false when the stream had to end. */
  const deliver = async (batch: FeedEvent[], access: AccessCache): Promise<boolean> => {
    for (const event of batch) {
      if (event.id <= skipUpTo || (incidentId !== undefined && event.incidentId !== incidentId)) continue;
      if (!(await access.canRead(actor, event.incidentId))) {
        if (incidentId === undefined) continue;
        finish("incident no longer readable");
        return false;
      }
      send(event.frame);
    }
    return true;
  };

  const stillAllowed = async () =>
    (await actorStillValid(db, snapshot)) && (incidentId === undefined || (await new AccessCache(db).canRead(actor, incidentId)));
  const timer = setInterval(() => {
    stillAllowed().then(
      (allowed) => allowed || finish("access changed"),
      () => finish("access check failed"),
    );
  }, recheckMs);
  timer.unref?.();

  // Batches are delivered one after another (delivery reads access facts, so it awaits): events
  // reach the client in id order. Until the replay below is done, live batches wait in the chain.
  let replayed!: () => void;
  let chain: Promise<void> = new Promise<void>((resolve) => (replayed = resolve));
  const unsubscribe = feed.subscribe(
    (batch, access) => {
      chain = chain.then(async () => {
        if (!open) return;
        try {
          await deliver(batch, access);
        } catch {
          finish("delivery failed");
        }
      });
      return chain;
    },
    () => finish("server stopping"),
  );

  function stop() {
    if (!open) return;
    open = false;
    clearInterval(timer);
    unsubscribe();
  }
  function finish(reason: string) {
    if (!open) return;
    stop();
    end(reason);
  }

  // Replay (afterId, position]: the feed hands out only events after its position, and live
  // batches wait until the replay is sent (and skip what it sent), so nothing is missed, sent twice
  // or out of order. A poll can run while this watch subscribes and reads `position` (PostgreSQL's
  // reads are real I/O): its batch is both queued here and inside the replay.
  try {
    await feed.ready();
    if (afterId !== null) {
      const upTo = feed.position;
      let from = afterId;
      while (open && from < upTo) {
        const batch = await readEvents(db, { afterId: from, upTo, incidentId });
        if (batch.length === 0) break;
        if (!(await deliver(batch, new AccessCache(db)))) break;
        from = batch[batch.length - 1]!.id;
      }
      skipUpTo = Math.max(skipUpTo, upTo);
    }
  } catch (error) {
    stop();
    throw error;
  } finally {
    replayed();
  }
  return { stop };
}
