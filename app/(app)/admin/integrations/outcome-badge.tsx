import type { DeliveryOutcome } from "@/db/queries/integrations/views";
import { OUTCOME_INFO } from "./integration-labels";

const TONE = {
  good: "border-green-300 bg-green-50 text-green-800 dark:border-green-900 dark:bg-green-950 dark:text-green-300",
  neutral: "border-zinc-300 bg-zinc-50 text-zinc-700 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-300",
  bad: "border-red-300 bg-red-50 text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-300",
} as const;

/** What a delivery did, in words and a colour that only repeats them; with the HTTP status Hindsight answered. */
export function OutcomeBadge({ outcome, httpStatus }: { outcome: DeliveryOutcome; httpStatus?: number }) {
  const info = OUTCOME_INFO[outcome];
  return (
    <span className="inline-flex flex-wrap items-center gap-1.5">
      <span className={`inline-flex items-center rounded-full border px-2 py-0.5 text-xs font-medium whitespace-nowrap ${TONE[info.tone]}`}>{info.label}</span>
      {httpStatus !== undefined ? (
        <code className="rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-xs dark:bg-zinc-800" title="HTTP status Hindsight answered">
          {httpStatus}
        </code>
      ) : null}
    </span>
  );
}
