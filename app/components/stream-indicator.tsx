"use client";
import Link from "next/link";
import type { StreamStatus } from "./use-event-stream";

/** Where a live stream stands: people must know when what they see may be behind. */
export function StreamIndicator({ stream, subject }: { stream: StreamStatus; subject: "incident" | "list" }) {
  if (stream.state === "lost")
    return (
      <p role="alert" className="text-sm font-medium text-red-700 dark:text-red-400">
        {stream.httpStatus === 401 ? (
          <>
            Your session has ended, so live updates stopped.{" "}
            <Link href="/signin" className="underline">
              Sign in again
            </Link>
          </>
        ) : subject === "incident" ? (
          "You no longer have access to this incident. Live updates stopped; what you see may be out of date."
        ) : (
          "You no longer have access to live updates. What you see may be out of date."
        )}
      </p>
    );
  return (
    <p className="text-xs text-zinc-500" role="status">
      {stream.state === "reconnecting" ? (
        <span className="inline-flex items-center gap-1.5 font-medium text-amber-700 dark:text-amber-400">
          <span aria-hidden className="inline-block h-2 w-2 animate-pulse rounded-full bg-amber-500" />
          Reconnecting…
        </span>
      ) : (
        <span className="inline-flex items-center gap-1.5">
          <span aria-hidden className={`inline-block h-2 w-2 rounded-full ${stream.state === "live" ? "bg-green-500" : "bg-zinc-400"}`} />
          <span>
            {stream.state === "live" ? "Live" : "Connecting…"}
            <span className="text-zinc-600 dark:text-zinc-400">: changes by others appear here</span>
          </span>
        </span>
      )}
    </p>
  );
}
