"use client";
import { useEffect, useState } from "react";
import { BellRing, Clock } from "lucide-react";
import type { IncidentStatus } from "@/lib/incident-status";
import type { Severity } from "@/lib/severity";
import { isStale, nextUpdateDue, updateDueText, type UpdateCadence } from "@/lib/update-cadence";
import { StaleMarker } from "@/app/components/stale-marker";

/**
 * "Next update due in 12 min" / "Update overdue by 4 min" and the stale marker, ticking in the
 * browser. Rendered after hydration only, so server and browser clocks never disagree on screen.
 */
export function UpdateDue({
  severity,
  status,
  cadence,
  lastUpdateAt,
  lastActivityAt,
  onPostUpdate,
}: {
  severity: Severity;
  status: IncidentStatus;
  cadence: UpdateCadence;
  lastUpdateAt: number;
  lastActivityAt: number;
  onPostUpdate?: () => void;
}) {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 15_000);
    return () => clearInterval(timer);
  }, []);
  if (now === null) return null;
  const due = nextUpdateDue({ severity, status, cadence, lastUpdateAt, now });
  const stale = isStale({ status, lastActivityAt, now });
  if (!due && !stale) return null;
  return (
    <div className="flex flex-wrap items-center gap-2 text-xs">
      {due ? (
        <span
          className={`inline-flex items-center gap-1 rounded px-1.5 py-0.5 font-medium ${
            due.state === "overdue" ? "bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-200" : "text-zinc-700 dark:text-zinc-300"
          }`}
          title={`${severity} incidents get a stakeholder update every ${cadence[severity]} min (Admin → Settings)`}
        >
          {due.state === "overdue" ? <BellRing aria-hidden className="h-3.5 w-3.5" /> : <Clock aria-hidden className="h-3.5 w-3.5" />}
          {updateDueText(due)}
        </span>
      ) : null}
      {due && onPostUpdate ? (
        <button
          type="button"
          onClick={onPostUpdate}
          className="rounded px-1 py-0.5 font-medium text-blue-700 underline hover:bg-zinc-200 dark:text-blue-400 dark:hover:bg-zinc-800"
        >
          Post update
        </button>
      ) : null}
      {stale ? <StaleMarker since={lastActivityAt} /> : null}
    </div>
  );
}
