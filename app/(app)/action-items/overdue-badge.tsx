import { AlertTriangle } from "lucide-react";

/** Red, with an icon and words: overdue never rests on colour alone. */
export function OverdueBadge({ days }: { days: number }) {
  return (
    <span className="inline-flex items-center gap-1 rounded-full bg-red-100 px-2 py-0.5 text-xs font-semibold whitespace-nowrap text-red-800 ring-1 ring-red-300 ring-inset dark:bg-red-950 dark:text-red-200 dark:ring-red-800">
      <AlertTriangle aria-hidden className="h-3 w-3" />
      Overdue by {days} day{days === 1 ? "" : "s"}
    </span>
  );
}
