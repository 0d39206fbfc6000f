"use client";
import { Check } from "lucide-react";
import { STATUSES, STATUS_INFO, type IncidentStatus } from "@/lib/incident-status";
import { LocalTime } from "@/app/components/local-time";

// Phones show the current step in full and the others by these; every step keeps its full accessible name.
const SHORT: Record<IncidentStatus, string> = { investigating: "Invest.", identified: "Ident.", monitoring: "Monitor", resolved: "Resolved", closed: "Closed" };

export type StepTimes = Record<IncidentStatus, number | null>;

/**
 * The status stepper: a step per status, each showing when it happened. Choosing a step opens
 * the status dialog; nothing changes on a click alone. Fits 360 px wide (no sideways scroll).
 */
export function StatusStepper({
  status,
  times,
  canEdit,
  onChoose,
}: {
  status: IncidentStatus;
  times: StepTimes;
  canEdit: boolean;
  onChoose: (status: IncidentStatus) => void;
}) {
  const current = STATUSES.indexOf(status);
  return (
    <ol
      aria-label="Status"
      className="flex w-full min-w-0 flex-1 basis-full rounded-md border border-zinc-300 bg-white sm:basis-[28rem] dark:border-zinc-700 dark:bg-zinc-900"
    >
      {STATUSES.map((step, index) => {
        const done = index < current;
        const here = index === current;
        const at = times[step];
        const label = STATUS_INFO[step].label;
        const inactive = !canEdit || here;
        return (
          <li
            key={step}
            className={`min-w-0 overflow-hidden border-r border-zinc-200 last:border-r-0 sm:min-w-[5.75rem] sm:flex-1 dark:border-zinc-800 ${here ? "flex-[1_0_auto]" : "flex-[0_1_auto]"}`}
          >
            <button
              type="button"
              aria-disabled={inactive || undefined}
              aria-current={here ? "step" : undefined}
              aria-label={here ? `${label}: current status` : canEdit ? `Set status to ${label}${done ? " (done)" : ""}` : `${label}${done ? " (done)" : ""}`}
              onClick={() => (inactive ? undefined : onChoose(step))}
              title={here ? `Current status: ${STATUS_INFO[step].hint}` : `${canEdit ? "Set status to " : ""}${label}: ${STATUS_INFO[step].hint}`}
              className={`flex h-full w-full flex-col items-start px-1.5 py-1.5 text-left text-xs sm:px-2.5 aria-disabled:cursor-default ${
                here
                  ? "bg-zinc-900 text-white dark:bg-zinc-100 dark:text-zinc-900"
                  : `${done ? "text-zinc-900 dark:text-zinc-100" : "text-zinc-600 dark:text-zinc-400"} ${canEdit ? "hover:bg-zinc-100 dark:hover:bg-zinc-800" : ""}`
              }`}
            >
              <span className="flex max-w-full items-center gap-1 font-semibold whitespace-nowrap">
                {done ? <Check aria-hidden className="h-3 w-3 shrink-0 max-sm:hidden" /> : null}
                {here ? (
                  <span>{label}</span>
                ) : (
                  <>
                    <span className={`sm:hidden ${done ? "" : "font-medium"}`}>{SHORT[step]}</span>
                    <span className="max-sm:hidden">{label}</span>
                  </>
                )}
              </span>
              {/* On phones the time takes the step's width instead of setting it: the server renders it
                  long ("2026-12-03 19:44 UTC") until the browser swaps in the short local time. */}
              <span className={`whitespace-nowrap max-sm:w-0 max-sm:min-w-full max-sm:truncate ${here ? "opacity-80" : "text-zinc-500 max-sm:hidden"}`}>
                {at ? <LocalTime ms={at} mode="time" /> : " "}
              </span>
            </button>
          </li>
        );
      })}
    </ol>
  );
}
