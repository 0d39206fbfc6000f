import { IMPACT_LABEL, type ImpactLevel } from "@/lib/error-budget";

const STYLE: Record<ImpactLevel, string> = {
  degraded: "border-yellow-300 bg-yellow-50 text-yellow-900 dark:border-yellow-800 dark:bg-yellow-950 dark:text-yellow-200",
  partial_outage: "border-orange-300 bg-orange-50 text-orange-900 dark:border-orange-800 dark:bg-orange-950 dark:text-orange-200",
  full_outage: "border-red-300 bg-red-50 text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200",
};

/** Impact on this service: yellow, orange or red, always with its name. */
export function ImpactBadge({ impact }: { impact: ImpactLevel }) {
  return (
    <span className={`inline-flex items-center rounded border px-1.5 py-0.5 text-xs font-medium whitespace-nowrap ${STYLE[impact]}`}>
      {IMPACT_LABEL[impact]}
    </span>
  );
}
