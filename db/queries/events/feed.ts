import "server-only";
import { and, asc, eq, gt, lte, max, sql } from "drizzle-orm";
import { getDb } from "../../client";
import { events, type EventRow } from "../../schema";
import type { Reader } from "../../types";
import { onEventAppended } from "../../access/events";
import { AccessCache } from "./access";
import { row } from "../../sql";

/** One event of the log, ready to send: the SSE frame is built once and written to every watcher. */
export type FeedEvent = { id: number; incidentId: number; type: string; frame: Uint8Array };
/** Called with each batch of new events, in id order, and the access facts read for this batch. */
export type FeedListener = (batch: FeedEvent[], access: AccessCache) => void;

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

// The feed's poll runs several times a second for as long as anyone watches: prepared once per connection.
const pollStatements = new WeakMap<Reader, { all: (values: { after: number }) => EventRow[] }>();

async function readNew(db: Reader, after: number): Promise<FeedEvent[]> {
  let statement = await row(db, pollStatements);
  if (!statement) {
    statement = db
      .select()
      .from(events)
      .where(gt(events.id, sql.placeholder("after")))
      .orderBy(asc(events.id))
      .limit(BATCH)
      .prepare();
    pollStatements.set(db, statement);
  }
  return statement.all({ after }).map(toFeedEvent);
}

export async function lastEventId(db: Reader): Promise<number> {
  return (await db.select({ id: max(events.id) }).from(events))[0]?.id ?? 0;
}

/**
 * The process's one reader of the log. While anyone listens it reads `id > head` every
 * FEED_POLL_MS and at once after a local appendEvent, and hands each batch to every listener.
 * Commit order is id order (one SQLite writer), so reading past `head` never skips an event;
 * another process following the same database does exactly this (see .notes/README-events.md).
 */
export class EventFeed {
  private head = 0;
  private readonly listeners = new Set<FeedListener>();
  private timer: Awaited<ReturnType<typeof setInterval>> | null = null;
  private unhook: (() => void) | null = null;
  private readonly closers = new Set<() => void>();
  /** Where a failed poll is reported (the route layer logs it); the streams end and their clients reconnect. */
  reportError: (error: unknown) => void = () => {};

  constructor(
    private readonly db: () => Reader = getDb,
    private readonly pollMs = FEED_POLL_MS,
  ) {}

  /** The last id handed to listeners: a new listener has seen everything up to it once replayed. */
  get position(): number {
    return this.head;
  }

  /** Starts listening; `close` is what shutdown calls to end this listener's stream. Synchronous with `position`. */
  async subscribe(listener: FeedListener, close: () => void): Promise<() => void> {
    if (this.listeners.size === 0) await this.start();
    this.listeners.add(listener);
    this.closers.add(close);
    return () => {
      this.listeners.delete(listener);
      this.closers.delete(close);
      if (this.listeners.size === 0) this.stop();
    };
  }

  get size(): number {
    return this.listeners.size;
  }

  /** Reads and hands out what is new; returns how many events it read. */
  async poll(): Promise<number> {
    if (this.listeners.size === 0) return 0;
    const db = this.db();
    const batch = await readNew(db, this.head);
    if (batch.length === 0) return 0;
    this.head = batch[batch.length - 1]!.id;
    const access = new AccessCache(db);
    for (const listener of [...this.listeners]) listener(batch, access);
    if (batch.length === BATCH) setImmediate(() => this.safePoll());
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

  private async start() {
    this.head = await lastEventId(this.db());
    this.timer = setInterval(() => this.safePoll(), this.pollMs);
    this.timer.unref?.();
    this.unhook = onEventAppended(() => this.safePoll());
  }

  private stop() {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.unhook?.();
    this.unhook = null;
  }
}

// One per process, on globalThis: route handlers may load this module in separate bundles, and
// scripts/server.mjs reaches it there to end open streams on shutdown.
const shared = globalThis as unknown as { hindsightEventFeed?: EventFeed };

export function eventFeed(): EventFeed {
  return (shared.hindsightEventFeed ??= new EventFeed());
}
