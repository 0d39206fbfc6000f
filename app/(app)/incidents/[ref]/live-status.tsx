"use client";
import { StreamIndicator } from "@/app/components/stream-indicator";
import { useLiveIncident } from "./live-incident";

/** The live stream's state, where the sidebar used to say the page polls. */
export function LiveStatus() {
  const { stream } = useLiveIncident();
  return (
    <>
      <StreamIndicator stream={stream} subject="incident" />
      {stream.state === "reconnecting" ? (
        // On a phone the sidebar is far below the timeline: a visual copy stays in view (the line above is the one announced).
        <p
          aria-hidden
          className="fixed bottom-4 left-1/2 z-30 -translate-x-1/2 rounded-full border border-amber-300 bg-amber-50 px-3 py-1 text-xs font-medium text-amber-800 shadow lg:hidden dark:border-amber-700 dark:bg-amber-950 dark:text-amber-200"
        >
          Reconnecting…
        </p>
      ) : null}
    </>
  );
}
