import "server-only";
import { and, asc, eq, gt, lte, max } from "drizzle-orm";
import { getDb, onDatabaseNotification } from "../../client";
import { events, type EventRow } from "../../schema";
import type { Reader } from "../../types";
import { onEventAppended } from "../../access/events";
import { EVENTS_CHANNEL } from "../../access/event-channel";
import { AccessCache } from "./access";

/** One event of the log, ready to send: the SSE frame is built once and written to every watcher. */
export type FeedEvent = { id: number; incidentId: number; type: string; frame: Uint8Array };
/** Called with each batch of new events, in id order, and the access facts read for this batch. */
export type FeedListener = (batch: FeedEvent[], access: AccessCache) => void | Promise<void>;

/** How often the feed looks for events other processes (or a missed nudge) wrote, while anyone listens. */
export const FEED_POLL_MS = 250;
const BATCH = 500;
const encoder = new TextEncoder();

/** The wire shape of EVENTS-CONTRACT.md, spliced from the stored payload JSON (never parsed again). */
export function toFeedEvent(row: EventRow): FeedEvent {
  const actor = JSON.stringify({ label: row.actorLabel, userId: row.actorUserId, tokenId: row.actorTokenId, integrationId: row.actorIntegrationId });
  const data = `{"id":${row.id},"type":${JSON.stringify(row.type)},"incidentId":${row.incidentId},"reference":"INC-${row.incidentId}","at":${row.at},"actor":${actor},"payload":${row.payload}}`;
  return { id: row.id, incidentId: row.incidentId, type: row.type, frame: encoder.encode(`id: ${row.id}\ndata: ${data}\n\n`) };
}

/** Events with afterId < id ≤ upTo (of one incident when given), oldest first, at most `limit`. */
export async function readEvents(
  db: Reader,
  { afterId, upTo, incidentId, limit = BATCH }: { afterId: number; upTo?: number; incidentId?: number; limit?: number },
) {
  return (
    await db
      .select()
      .from(events)
      .where(
        and(
          gt(events.id, afterId),
          upTo === undefined ? undefined : lte(events.id, upTo),
          incidentId === undefined ? undefined : eq(events.incidentId, incidentId),
        ),
      )
      .orderBy(asc(events.id))
      .limit(limit)
  ).map(toFeedEvent);
}

async function readNew(db: Reader, after: number): Promise<FeedEvent[]> {
  return (await db.select().from(events).where(gt(events.id, after)).orderBy(asc(events.id)).limit(BATCH)).map(toFeedEvent);
}

export async function lastEventId(db: Reader): Promise<number> {
  return (await db.select({ id: max(events.id) }).from(events))[0]?.id ?? 0;
}

/**
 * The process's one reader of the log. While anyone listens it reads `id > head` every
 * FEED_POLL_MS, at once after a local appendEvent, and (PostgreSQL) at once when any process
 * commits an event (NOTIFY), and hands each batch to every listener. Events commit in id order
 * (SQLite has one writer; on PostgreSQL appendEvent holds a transaction lock on the log), so
 * reading past `head` never skips an event — which is how every process follows the same log.
 * Polls never overlap: batches reach listeners in id order.
 */
export class EventFeed {
  private head = 0;
  private readonly listeners = new Set<FeedListener>();
  private timer: ReturnType<typeof setInterval> | null = null;
  private unhook: (() => void) | null = null;
  private readonly closers = new Set<() => void>();
  /** Resolves once `head` is the log's end when listening started; polls wait for it. */
  private started: Promise<void> | null = null;
  private polling: Promise<number> | null = null;
  private pollAgain = false;
  /** Where a failed poll is reported (the route layer logs it); the streams end and their clients reconnect. */
  reportError: (error: unknown) => void = () => {};

  constructor(
    private readonly db: () => Reader = getDb,
    private readonly pollMs = FEED_POLL_MS,
  ) {}

  /** The last id handed to listeners (once `ready()`): a new listener has seen everything up to it once replayed. */
  get position(): number {
    return this.head;
  }

  /** Starts listening; `close` is what shutdown calls to end this listener's stream. Await `ready()` before reading `position`. */
  subscribe(listener: FeedListener, close: () => void): () => void {
    if (this.listeners.size === 0) this.start();
    this.listeners.add(listener);
    this.closers.add(close);
    return () => {
      this.listeners.delete(listener);
      this.closers.delete(close);
      if (this.listeners.size === 0) this.stop();
    };
  }

  /** Settles once the feed knows where the log ended when it started listening. */
  async ready(): Promise<void> {
    await this.started;
  }

  get size(): number {
    return this.listeners.size;
  }

  /** Reads and hands out what is new; returns how many events it read. A call during a poll runs one more poll after it. */
  poll(): Promise<number> {
    if (this.polling) {
      this.pollAgain = true;
      return this.polling;
    }
    const run = async () => {
      let read = 0;
      try {
        do {
          this.pollAgain = false;
          read += await this.pollOnce();
        } while (this.pollAgain && this.listeners.size > 0);
      } finally {
        this.polling = null;
      }
      return read;
    };
    this.polling = run();
    return this.polling;
  }

  private async pollOnce(): Promise<number> {
    if (this.listeners.size === 0) return 0;
    await this.started;
    const db = this.db();
    const batch = await readNew(db, this.head);
    if (batch.length === 0) return 0;
    this.head = batch[batch.length - 1]!.id;
    const access = new AccessCache(db);
    // A poll ends when every listener has taken the batch (a watcher sends it in order, after its replay).
    await Promise.all([...this.listeners].map(async (listener) => listener(batch, access)));
    if (batch.length === BATCH) this.pollAgain = true;
    return batch.length;
  }

  /** Ends every stream (graceful shutdown: scripts/server.mjs). */
  closeAll() {
    for (const close of [...this.closers]) close();
  }

  private async safePoll() {
    try {
      await this.poll();
    } catch (error) {
      this.reportError(error);
      this.closeAll();
    }
  }

  private start() {
    const starting = (async () => {
      this.head = await lastEventId(this.db());
    })();
    this.started = starting;
    starting.catch((error) => {
      this.reportError(error);
      this.closeAll();
    });
    this.timer = setInterval(() => void this.safePoll(), this.pollMs);
    this.timer.unref?.();
    const unhookLocal = onEventAppended(() => void this.safePoll());
    const unlisten = onDatabaseNotification(EVENTS_CHANNEL, () => void this.safePoll());
    this.unhook = () => {
      unhookLocal();
      unlisten();
    };
  }

  private stop() {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.unhook?.();
    this.unhook = null;
    this.started = null;
  }
}

// One per process, on globalThis: route handlers may load this module in separate bundles, and
// scripts/server.mjs reaches it there to end open streams on shutdown.
const shared = globalThis as unknown as { hindsightEventFeed?: EventFeed };

export function eventFeed(): EventFeed {
  return (shared.hindsightEventFeed ??= new EventFeed());
}
