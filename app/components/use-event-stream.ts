"use client";
import { useEffect, useRef, useState } from "react";

/** live: events flow; reconnecting: the stream dropped and the browser is retrying; lost: the server refuses us now. */
export type StreamStatus = { state: "connecting" | "live" | "reconnecting" } | { state: "lost"; httpStatus: number };

const RETRY_MS = 3000;

/** What the server says to a plain request for the stream: its status, without reading the stream itself. */
async function probe(url: string): Promise<number | null> {
  const abort = new AbortController();
  try {
    const response = await fetch(url, { signal: abort.signal, headers: { accept: "text/event-stream" }, cache: "no-store" });
    return response.status;
  } catch {
    return null;
  } finally {
    abort.abort();
  }
}

/**
 * Follows a Server-Sent Events stream from `startAfter` on. The browser reconnects by itself and
 * sends Last-Event-ID; when it gives up (an error response) the source is recreated with
 * `?lastEventId=` so nothing is missed, unless the server now answers 401/403/404.
 */
export function useEventStream<E extends { id: number }>(url: string, startAfter: number, onEvent: (event: E) => void): StreamStatus {
  const [status, setStatus] = useState<StreamStatus>({ state: "connecting" });
  const last = useRef(startAfter);
  const handler = useRef(onEvent);
  useEffect(() => {
    handler.current = onEvent;
  }, [onEvent]);

  useEffect(() => {
    let source: EventSource | null = null;
    let timer: Awaited<ReturnType<typeof setTimeout>> | undefined;
    let stopped = false;
    const at = () => `${url}${url.includes("?") ? "&" : "?"}lastEventId=${last.current}`;
    const open = () => {
      if (stopped) return;
      source = new EventSource(at());
      source.onopen = () => setStatus({ state: "live" });
      source.onmessage = (message) => {
        const event = JSON.parse(message.data) as E;
        if (event.id > last.current) last.current = event.id;
        handler.current(event);
      };
      source.onerror = () => {
        if (source?.readyState !== EventSource.CLOSED) {
          setStatus({ state: "reconnecting" });
          return;
        }
        source.close();
        void probe(at()).then((httpStatus) => {
          if (stopped) return;
          if (httpStatus === 401 || httpStatus === 403 || httpStatus === 404) setStatus({ state: "lost", httpStatus });
          else {
            setStatus({ state: "reconnecting" });
            timer = setTimeout(open, RETRY_MS);
          }
        });
      };
    };
    open();
    return () => {
      stopped = true;
      clearTimeout(timer);
      source?.close();
    };
  }, [url]);
  return status;
}
