import Link from "next/link";
import { SEVERITIES } from "@/lib/severity";
import { buttonClass } from "@/app/components/ui";
import { FilterSearch, FilterSelect, filterTabClass, optionsOf } from "@/app/components/filter-select";
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
            <Link key={tab.value} href={href({ status: tab.value })} aria-current={active ? "page" : undefined} className={filterTabClass(active)}>
              {tab.label}
            </Link>
          );
        })}
        <Link
          href={href({ mine: current.mine ? "" : "1" })}
          aria-current={current.mine ? "true" : undefined}
          className={filterTabClass(current.mine, "ml-auto")}
        >
          Mine
        </Link>
      </nav>
      <form method="get" action="/incidents" className="flex flex-wrap items-end gap-2" role="search">
        <input type="hidden" name="status" value={current.status} />
        {current.mine ? <input type="hidden" name="mine" value="1" /> : null}
        {DRILL_DOWN_PARAMS.map((key) => (drillDown[key] ? <input key={key} type="hidden" name={key} value={drillDown[key]} /> : null))}
        <FilterSearch id="incident-search" label="Search title and summary" defaultValue={current.q} placeholder="e.g. checkout, INC-12   ( / )" />
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
