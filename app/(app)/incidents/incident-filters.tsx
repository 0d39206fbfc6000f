import Link from "next/link";
import { Search } from "lucide-react";
import { SEVERITIES } from "@/lib/severity";
import { buttonClass, inputClass } from "@/app/components/ui";
import { FilterSelect, filterLabelClass, optionsOf } from "@/app/components/filter-select";
import { DRILL_DOWN_PARAMS, listHref, type ListParams } from "./list-params";

const TABS = [
  { value: "active", label: "Active" },
  { value: "resolved", label: "Resolved" },
  { value: "closed", label: "Closed" },
  { value: "all", label: "All" },
];

/**
 * Filters live in the URL so a filtered list can be shared. Drill-down filters without a
 * control here (from, to, team, drill) are carried through the tabs and the search form.
 */
export function IncidentFilters({
  current,
  drillDown,
  services,
}: {
  current: { status: string; severity: string; q: string; mine: boolean; service: string };
  drillDown: ListParams;
  services: { slug: string; name: string }[];
}) {
  const href = (patch: ListParams) =>
    listHref({
      ...drillDown,
      status: current.status,
      severity: current.severity,
      service: current.service,
      q: current.q,
      mine: current.mine ? "1" : "",
      ...patch,
    });
  const severityList = current.severity.includes(",");
  return (
    <div className="space-y-3">
      <nav aria-label="Incident status" className="flex flex-wrap gap-1 border-b border-zinc-200 dark:border-zinc-800">
        {TABS.map((tab) => {
          const active = current.status === tab.value;
          return (
            <Link
              key={tab.value}
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
        <Link
          href={href({ mine: current.mine ? "" : "1" })}
          aria-current={current.mine ? "true" : undefined}
          className={`-mb-px ml-auto border-b-2 px-3 py-2 text-sm font-medium ${
            current.mine
              ? "border-zinc-900 text-zinc-900 dark:border-white dark:text-white"
              : "border-transparent text-zinc-500 hover:text-zinc-800 dark:hover:text-zinc-200"
          }`}
        >
          Mine
        </Link>
      </nav>
      <form method="get" action="/incidents" className="flex flex-wrap items-end gap-2" role="search">
        <input type="hidden" name="status" value={current.status} />
        {current.mine ? <input type="hidden" name="mine" value="1" /> : null}
        {DRILL_DOWN_PARAMS.map((key) => (drillDown[key] ? <input key={key} type="hidden" name={key} value={drillDown[key]} /> : null))}
        <div className="min-w-0 flex-1 basis-56">
          <label htmlFor="incident-search" className={filterLabelClass}>
            Search title and summary
          </label>
          <div className="relative mt-1">
            <Search aria-hidden className="pointer-events-none absolute top-2.5 left-2.5 h-4 w-4 text-zinc-400" />
            <input
              id="incident-search"
              name="q"
              defaultValue={current.q}
              placeholder="e.g. checkout, INC-12   ( / )"
              data-shortcut-search
              className={`${inputClass} pl-8`}
            />
          </div>
        </div>
        <FilterSelect
          id="incident-severity"
          name="severity"
          label="Severity"
          defaultValue={current.severity}
          any="Any severity"
          options={optionsOf(
            SEVERITIES,
            (s) => s,
            (s) => s,
          )}
        >
          {severityList ? <option value={current.severity}>{current.severity.split(",").join(", ")}</option> : null}
        </FilterSelect>
        <FilterSelect
          id="incident-service"
          name="service"
          label="Service"
          className="min-w-0"
          selectClassName="max-w-[14rem]"
          defaultValue={current.service}
          any="Any service"
          options={optionsOf(
            services,
            (s) => s.slug,
            (s) => s.name,
          )}
        >
          {current.service && !services.some((s) => s.slug === current.service) ? <option value={current.service}>{current.service}</option> : null}
        </FilterSelect>
        <button type="submit" className={buttonClass}>
          Apply
        </button>
      </form>
    </div>
  );
}
