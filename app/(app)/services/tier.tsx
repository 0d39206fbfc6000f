export const TIER_HINT: Record<number, string> = { 1: "most critical", 2: "important", 3: "supporting" };

const STYLE: Record<number, string> = {
  1: "border-violet-700 bg-violet-700 text-white dark:border-violet-400 dark:bg-violet-400 dark:text-violet-950",
  2: "border-violet-300 bg-violet-100 text-violet-900 dark:border-violet-700 dark:bg-violet-950 dark:text-violet-200",
  3: "border-zinc-300 bg-white text-zinc-700 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-300",
};

/** Tier 1 is the most critical; violet so it never reads as a severity or a budget state. */
export function TierBadge({ tier }: { tier: number }) {
  return (
    <span
      title={`Tier ${tier}: ${TIER_HINT[tier] ?? ""}`}
      className={`inline-flex items-center rounded border px-1.5 py-0.5 text-xs font-semibold whitespace-nowrap ${STYLE[tier] ?? STYLE[3]}`}
    >
      Tier {tier}
    </span>
  );
}
