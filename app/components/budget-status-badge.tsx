import { AlertTriangle, CheckCircle2, CircleSlash, XOctagon } from "lucide-react";
import type { BudgetStatus } from "@/lib/error-budget";

export const BUDGET_STATUS_LABEL: Record<BudgetStatus, string> = {
  healthy: "Healthy",
  at_risk: "At risk",
  exhausted: "Exhausted",
};

const HINT: Record<BudgetStatus, string> = {
  healthy: "At least 25 % of the error budget is left",
  at_risk: "Less than 25 % of the error budget is left",
  exhausted: "The error budget is used up",
};

const STYLE: Record<BudgetStatus, string> = {
  healthy: "border-green-300 bg-green-50 text-green-800 dark:border-green-800 dark:bg-green-950 dark:text-green-300",
  at_risk: "border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-200",
  exhausted: "border-red-300 bg-red-50 text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-300",
};

const ICON = { healthy: CheckCircle2, at_risk: AlertTriangle, exhausted: XOctagon } as const;

/** An SLO's budget state: colour, icon and text together, so it never relies on colour alone. */
export function BudgetStatusBadge({ status, prefix }: { status: BudgetStatus | null; prefix?: string }) {
  if (!status) {
    return (
      <span className="inline-flex items-center gap-1 rounded-full border border-zinc-300 px-2 py-0.5 text-xs font-medium whitespace-nowrap text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
        <CircleSlash aria-hidden className="h-3.5 w-3.5" />
        No SLOs
      </span>
    );
  }
  const Icon = ICON[status];
  return (
    <span
      title={HINT[status]}
      className={`inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-xs font-semibold whitespace-nowrap ${STYLE[status]}`}
    >
      <Icon aria-hidden className="h-3.5 w-3.5" />
      {prefix ? <span className="sr-only">{prefix} </span> : null}
      {BUDGET_STATUS_LABEL[status]}
    </span>
  );
}
