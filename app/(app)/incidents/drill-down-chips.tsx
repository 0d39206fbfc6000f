import Link from "next/link";
import { X } from "lucide-react";
import type { FilterChip } from "./list-params";

/**
 * The drill-down filters a link (e.g. from /insights) set, as chips: each says what it keeps
 * and is a link that removes it; "Clear all" removes them together.
 */
export function DrillDownChips({ chips, clearHref }: { chips: FilterChip[]; clearHref: string }) {
  if (!chips.length) return null;
  return (
    <section aria-labelledby="drill-down-filters-label" className="mt-3 flex flex-wrap items-center gap-2">
      <h2 id="drill-down-filters-label" className="text-xs font-medium text-zinc-600 dark:text-zinc-400">
        Filtered to
      </h2>
      <ul role="list" className="flex flex-wrap items-center gap-2">
        {chips.map((chip) => (
          <li key={chip.key}>
            <Link
              href={chip.removeHref}
              title={`${chip.description} Remove this filter.`}
              data-filter-chip={chip.key}
              className="inline-flex items-center gap-1 rounded-full border border-blue-200 bg-blue-50 py-1 pr-1.5 pl-3 text-sm font-medium text-blue-900 hover:border-blue-300 hover:bg-blue-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 dark:border-blue-900 dark:bg-blue-950 dark:text-blue-100 dark:hover:bg-blue-900"
            >
              <span className="sr-only">Remove filter: </span>
              <span>{chip.label}</span>
              <X aria-hidden className="h-4 w-4 text-blue-700 dark:text-blue-300" />
            </Link>
          </li>
        ))}
      </ul>
      {chips.length > 1 ? (
        <Link href={clearHref} className="text-sm text-blue-700 underline dark:text-blue-400">
          Clear all<span className="sr-only"> drill-down filters</span>
        </Link>
      ) : null}
    </section>
  );
}
