import type { BudgetStatus } from "@/lib/error-budget";
import { formatMinutes, formatPercent } from "./budget-format";

const FILL: Record<BudgetStatus, string> = {
  healthy: "bg-green-600 dark:bg-green-500",
  at_risk: "bg-amber-500 dark:bg-amber-400",
  exhausted: "bg-red-600 dark:bg-red-500",
};

/**
 * Budget remaining as a bar with its figures beside it. The bar is a meter for assistive
 * tech; a tick marks the 25 % at-risk line.
 */
export function BudgetGauge({
  remainingMinutes,
  remainingPercent,
  budgetMinutes,
  status,
  label,
}: {
  remainingMinutes: number;
  remainingPercent: number;
  budgetMinutes: number;
  status: BudgetStatus;
  label: string;
}) {
  const shown = Number.isFinite(remainingPercent) ? Math.min(100, Math.max(0, remainingPercent)) : 0;
  const overspent = remainingMinutes < 0;
  return (
    <div>
      <p className="flex flex-wrap items-baseline gap-x-2">
        <span className="text-2xl font-semibold tabular-nums">{formatMinutes(remainingMinutes)}</span>
        <span className="text-sm font-medium tabular-nums text-zinc-700 dark:text-zinc-300">{formatPercent(remainingPercent)}</span>
        <span className="text-sm text-zinc-500 dark:text-zinc-400">
          left of {formatMinutes(budgetMinutes)}
          {overspent ? <span className="font-medium text-red-700 dark:text-red-400"> · overspent</span> : null}
        </span>
      </p>
      <div
        role="meter"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(shown * 10) / 10}
        aria-valuetext={`${formatMinutes(remainingMinutes)} (${formatPercent(remainingPercent)}) left`}
        className="relative mt-2 h-2.5 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800"
      >
        <div className={`h-full rounded-full ${FILL[status]}`} style={{ width: `${shown}%` }} />
        <div aria-hidden className="absolute inset-y-0 left-1/4 w-px bg-zinc-500/70" title="25 %: at risk below this" />
      </div>
    </div>
  );
}
