"use client";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { incidentFreshnessAction } from "./actions";

const POLL_MS = 5000;

/** Picks up other responders' changes: polls a cheap freshness token, refreshes the page when it moves. */
export function LiveRefresh({ reference, token }: { reference: string; token: string }) {
  const router = useRouter();
  const last = useRef(token);
  const [offline, setOffline] = useState(false);
  useEffect(() => {
    last.current = token;
  }, [token]);
  useEffect(() => {
    let stopped = false;
    const tick = async () => {
      if (document.visibilityState !== "visible") return;
      const result = await incidentFreshnessAction(reference).catch(() => null);
      if (stopped) return;
      setOffline(!result);
      if (result?.ok && result.data !== last.current) {
        last.current = result.data;
        router.refresh();
      }
    };
    const timer = setInterval(tick, POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [reference, router]);
  return (
    <p className="text-xs text-zinc-500" aria-live="polite">
      {offline ? (
        <span className="font-medium text-red-700 dark:text-red-400">Connection lost; retrying…</span>
      ) : (
        <span className="inline-flex items-center gap-1.5">
          <span aria-hidden className="inline-block h-2 w-2 rounded-full bg-green-500" />
          Live: changes by others appear here
        </span>
      )}
    </p>
  );
}
