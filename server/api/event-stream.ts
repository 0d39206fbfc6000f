import "server-only";
import type { NextRequest } from "next/server";
import type { Actor } from "@/lib/actor";
import { AppError } from "@/lib/errors";
import { lastEventIdField } from "@/lib/validation/events";
import { eventFeed } from "@/db/queries/events/feed";
import { watchEvents } from "@/db/queries/events/watch";
import { env } from "@/server/env";
import { log } from "@/server/observability/log";

const encoder = new TextEncoder();
const RETRY = encoder.encode("retry: 3000\n\n");
const HEARTBEAT = encoder.encode(": heartbeat\n\n");
/** Frames queued for a client that does not read: past this the stream ends and the client catches up on reconnect. */
const MAX_QUEUED_FRAMES = 2_000;

export const EVENT_STREAM_HEADERS = {
  "Content-Type": "text/event-stream; charset=utf-8",
  // no-transform: compression (Next.js, proxies) would buffer the frames.
  "Cache-Control": "no-cache, no-transform",
  "X-Accel-Buffering": "no",
};

/** `Last-Event-ID` (what EventSource sends on reconnect) or else `?lastEventId=`: a whole number ≥ 0, or null when absent. */
export function lastEventIdOf(req: NextRequest): number | null {
  const value = req.headers.get("last-event-id") ?? req.nextUrl.searchParams.get("lastEventId");
  if (value === null || value.trim() === "") return null;
  const parsed = lastEventIdField.safeParse(value);
  if (!parsed.success) {
    throw new AppError("validation_failed", "lastEventId must be a whole number of 0 or more (the id of the last event received)", {
      lastEventId: "Must be a whole number ≥ 0",
    });
  }
  return Number(parsed.data);
}

/**
 * A Server-Sent Events response for the actor: `retry:` first, then the missed events after
 * Last-Event-ID, then live ones, with a heartbeat comment. Throws (→ the API's JSON error) before
 * anything is sent when the request is refused (bad lastEventId, incident not readable).
 */
export async function eventStreamResponse(req: NextRequest, { actor, incidentId }: { actor: Actor; incidentId?: number }): Promise<Response> {
  const afterId = lastEventIdOf(req);
  const feed = eventFeed();
  feed.reportError = (error) => log.error({ err: error }, "event feed poll failed; open streams ended");

  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let cleanup = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start: (c) => {
      controller = c;
    },
    cancel: () => cleanup(),
  });

  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    cleanup();
    try {
      controller.close();
    } catch {}
  };
  const write = (frame: Uint8Array) => {
    if (closed) return;
    if ((controller.desiredSize ?? 0) < -MAX_QUEUED_FRAMES) return close();
    controller.enqueue(frame);
  };

  write(RETRY);
  const watch = await watchEvents({ actor, incidentId, afterId, send: write, end: close, feed });
  const heartbeat = setInterval(() => write(HEARTBEAT), env("HINDSIGHT_SSE_HEARTBEAT_MS"));
  heartbeat.unref?.();
  const onAbort = () => close();
  cleanup = () => {
    closed = true;
    clearInterval(heartbeat);
    watch.stop();
    req.signal.removeEventListener("abort", onAbort);
  };
  if (req.signal.aborted) close();
  else req.signal.addEventListener("abort", onAbort);
  return new Response(stream, { headers: EVENT_STREAM_HEADERS });
}
