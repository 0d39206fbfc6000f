import Link from "next/link";
import { buttonClass } from "@/app/components/ui";
import { FilterSearch, FilterSelect, filterTabClass } from "@/app/components/filter-select";

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
            <Link key={tab.value || "all"} href={href({ status: tab.value })} aria-current={active ? "page" : undefined} className={filterTabClass(active)}>
              {tab.label}
            </Link>
          );
        })}
      </nav>
      <form method="get" action="/postmortems" className="flex flex-wrap items-end gap-2" role="search">
        {current.status ? <input type="hidden" name="status" value={current.status} /> : null}
        <FilterSearch id="postmortem-search" label="Search title, text and tags" defaultValue={current.q} placeholder="e.g. database, INC-12   ( / )" />
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
