import { AlertTriangle, FileText, Flame } from "lucide-react";
import { needsPostmortem, type BudgetStatus } from "@/lib/error-budget";
import type { IncidentStatus } from "@/lib/incident-status";
import type { Severity } from "@/lib/severity";
import { formatMinutes, formatMinutesNumber } from "@/app/components/budget-format";

export type PushedSlo = {
  sloId: number;
  serviceSlug: string;
  sloName: string;
  /** The SLO's status with this incident's spend; it was better without it. */
  status: BudgetStatus;
  budgetMinutes: number;
  remainingMinutes: number;
};

/**
 * Top of the main column: which SLOs this incident pushed to at risk or exhausted, and
 * whether it needs a postmortem (lib/error-budget.ts needsPostmortem is the rule).
 */
export function BudgetAlert({ severity, status, drill, pushed }: { severity: Severity; status: IncidentStatus; drill: boolean; pushed: PushedSlo[] }) {
  const needs = needsPostmortem(
    severity,
    pushed.map((p) => p.status),
    drill,
  );
  const major = severity === "SEV1" || severity === "SEV2";
  const showFlag = needs && !major;
  const showNote = needs && major && (status === "resolved" || status === "closed");
  if (!pushed.length && !showFlag && !showNote) return null;
  return (
    <section aria-label="Error budget and postmortem" className="mb-4 space-y-2">
      {pushed.map((p) => {
        const exhausted = p.status === "exhausted";
        const Icon = exhausted ? Flame : AlertTriangle;
        const over = -p.remainingMinutes;
        return (
          <p
            key={p.sloId}
            className={`flex items-start gap-2 rounded-md border px-3 py-2 text-sm ${
              exhausted
                ? "border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
                : "border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
            }`}
          >
            <Icon aria-hidden className="mt-0.5 h-4 w-4 shrink-0" />
            <span>
              This incident pushed{" "}
              <strong className="font-semibold">
                {p.serviceSlug} · {p.sloName}
              </strong>{" "}
              to <strong className="font-semibold">{exhausted ? "exhausted" : "at risk"}</strong>: {formatMinutesNumber(Math.max(0, p.remainingMinutes))} min of{" "}
              {formatMinutesNumber(p.budgetMinutes)} left{over > 0.05 ? ` (over by ${formatMinutes(over)})` : ""}.
            </span>
          </p>
        );
      })}
      {showFlag ? (
        <p className="flex items-start gap-2 rounded-md border border-red-300 bg-white px-3 py-2 text-sm font-semibold text-red-800 dark:border-red-800 dark:bg-zinc-900 dark:text-red-200">
          <FileText aria-hidden className="mt-0.5 h-4 w-4 shrink-0" />
          Needs a postmortem: its spend exhausted an error budget
        </p>
      ) : null}
      {showNote ? (
        <p className="flex items-start gap-2 rounded-md border border-zinc-200 bg-zinc-50 px-3 py-2 text-sm text-zinc-700 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-300">
          <FileText aria-hidden className="mt-0.5 h-4 w-4 shrink-0" />
          Postmortem required (SEV1/SEV2)
        </p>
      ) : null}
    </section>
  );
}
