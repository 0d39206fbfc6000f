import Link from "next/link";
import { Search } from "lucide-react";
import { buttonClass, inputClass } from "@/app/components/ui";
import { FilterSelect, filterLabelClass } from "@/app/components/filter-select";

const TABS = [
  { value: "", label: "All" },
  { value: "not_started", label: "Not started" },
  { value: "draft", label: "Draft" },
  { value: "in_review", label: "In review" },
  { value: "published", label: "Published" },
];

export type PostmortemFilterValues = { status: string; due: string; q: string };

/** Filters live in the URL so a filtered list can be shared. */
export function PostmortemFilters({ current, showNotStarted }: { current: PostmortemFilterValues; showNotStarted: boolean }) {
  const href = (patch: Partial<PostmortemFilterValues>) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries({ ...current, ...patch })) if (value) params.set(key, value);
    const query = params.toString();
    return query ? `/postmortems?${query}` : "/postmortems";
  };
  return (
    <div className="space-y-3">
      <nav aria-label="Postmortem status" className="flex flex-wrap gap-1 border-b border-zinc-200 dark:border-zinc-800">
        {TABS.filter((t) => showNotStarted || t.value !== "not_started").map((tab) => {
          const active = current.status === tab.value;
          return (
            <Link
              key={tab.value || "all"}
              href={href({ status: tab.value })}
              aria-current={active ? "page" : undefined}
              className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium ${
                active
                  ? "border-zinc-900 text-zinc-900 dark:border-white dark:text-white"
                  : "border-transparent text-zinc-500 hover:text-zinc-800 dark:hover:text-zinc-200"
              }`}
            >
              {tab.label}
            </Link>
          );
        })}
      </nav>
      <form method="get" action="/postmortems" className="flex flex-wrap items-end gap-2" role="search">
        {current.status ? <input type="hidden" name="status" value={current.status} /> : null}
        <div className="min-w-0 flex-1 basis-56">
          <label htmlFor="postmortem-search" className={filterLabelClass}>
            Search title, text and tags
          </label>
          <div className="relative mt-1">
            <Search aria-hidden className="pointer-events-none absolute top-2.5 left-2.5 h-4 w-4 text-zinc-400" />
            <input
              id="postmortem-search"
              name="q"
              defaultValue={current.q}
              placeholder="e.g. database, INC-12   ( / )"
              data-shortcut-search
              className={`${inputClass} pl-8`}
            />
          </div>
        </div>
        <FilterSelect
          id="postmortem-due"
          name="due"
          label="Deadline"
          defaultValue={current.due}
          any="Any"
          options={[
            { value: "due", label: "Due (not yet overdue)" },
            { value: "overdue", label: "Overdue" },
          ]}
        />
        <button type="submit" className={buttonClass}>
          Apply
        </button>
      </form>
    </div>
  );
}
