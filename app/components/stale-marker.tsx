import { Elapsed } from "./local-time";

/** The amber "stale" marker an active incident gets after 30 minutes without timeline activity (list and page). */
export function StaleMarker({ since }: { since: number }) {
  return (
    <span
      className="rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-900 dark:bg-amber-900/50 dark:text-amber-200"
      title="No timeline update for 30 minutes"
    >
      Stale: no update for <Elapsed since={since} />
    </span>
  );
}
