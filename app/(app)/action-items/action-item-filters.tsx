import Link from "next/link";
import { AlertTriangle, ArrowDown, ArrowUp, User } from "lucide-react";
import { ACTION_STATUSES, ACTION_STATUS_INFO, PRIORITIES, PRIORITY_INFO } from "@/lib/action-items";
import { buttonClass } from "@/app/components/ui";
import { FilterSelect, optionsOf } from "@/app/components/filter-select";

export type ActionItemFilterValues = {
  owner: string;
  team: string;
  service: string;
  status: string;
  priority: string;
  overdue: boolean;
  incident: string;
  sort: "due" | "-due";
};

/** The page URL for these filters with `patch` applied; empty values are left out. */
export function actionItemsHref(current: ActionItemFilterValues, patch: Partial<ActionItemFilterValues> = {}): string {
  const merged = { ...current, ...patch };
  const params = new URLSearchParams();
  if (merged.owner) params.set("owner", merged.owner);
  if (merged.team) params.set("team", merged.team);
  if (merged.service) params.set("service", merged.service);
  if (merged.status) params.set("status", merged.status);
  if (merged.priority) params.set("priority", merged.priority);
  if (merged.overdue) params.set("overdue", "1");
  if (merged.incident) params.set("incident", merged.incident);
  if (merged.sort !== "due") params.set("sort", merged.sort);
  const query = params.toString();
  return query ? `/action-items?${query}` : "/action-items";
}

const toggleClass = (on: boolean) =>
  `inline-flex items-center gap-1.5 rounded-full border px-3 py-1.5 text-sm font-medium ${
    on
      ? "border-zinc-900 bg-zinc-900 text-white dark:border-zinc-100 dark:bg-zinc-100 dark:text-zinc-900"
      : "border-zinc-300 bg-white text-zinc-700 hover:bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-300 dark:hover:bg-zinc-800"
  }`;

/** Filters live in the URL so a filtered list can be shared: quick toggles, then a form for the rest. */
const narrow = { className: "min-w-0", selectClassName: "sm:max-w-48" };

export function ActionItemFilters({
  current,
  users,
  teams,
  services,
}: {
  current: ActionItemFilterValues;
  users: { id: number; name: string }[];
  teams: { id: number; name: string }[];
  services: { slug: string; name: string }[];
}) {
  const mine = current.owner === "me";
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        <Link href={actionItemsHref(current, { owner: mine ? "" : "me" })} aria-current={mine ? "true" : undefined} className={toggleClass(mine)}>
          <User aria-hidden className="h-3.5 w-3.5" /> Mine
        </Link>
        <Link
          href={actionItemsHref(current, { overdue: !current.overdue })}
          aria-current={current.overdue ? "true" : undefined}
          className={toggleClass(current.overdue)}
        >
          <AlertTriangle aria-hidden className="h-3.5 w-3.5" /> Overdue
        </Link>
        <Link
          href={actionItemsHref(current, { sort: current.sort === "due" ? "-due" : "due" })}
          className={`${toggleClass(false)} md:hidden`}
          aria-label={current.sort === "due" ? "Sorted by due date, soonest first. Sort latest first" : "Sorted by due date, latest first. Sort soonest first"}
        >
          {current.sort === "due" ? <ArrowUp aria-hidden className="h-3.5 w-3.5" /> : <ArrowDown aria-hidden className="h-3.5 w-3.5" />}
          Due {current.sort === "due" ? "soonest" : "latest"} first
        </Link>
        {current.incident ? (
          <Link
            href={actionItemsHref(current, { incident: "" })}
            className={toggleClass(true)}
            aria-label={`Showing ${current.incident} only. Show every incident`}
          >
            {current.incident} ✕
          </Link>
        ) : null}
      </div>
      <form method="get" action="/action-items" className="grid grid-cols-2 items-end gap-2 sm:flex sm:flex-wrap" aria-label="Filter action items">
        {current.overdue ? <input type="hidden" name="overdue" value="1" /> : null}
        {current.incident ? <input type="hidden" name="incident" value={current.incident} /> : null}
        {current.sort !== "due" ? <input type="hidden" name="sort" value={current.sort} /> : null}
        <FilterSelect
          id="ai-filter-status"
          name="status"
          label="Status"
          defaultValue={current.status}
          any="Not finished"
          options={optionsOf(
            ACTION_STATUSES,
            (s) => s,
            (s) => ACTION_STATUS_INFO[s].label,
          )}
        >
          <option value="all">Any status</option>
          {current.status && current.status !== "all" && !(ACTION_STATUSES as readonly string[]).includes(current.status) ? (
            <option value={current.status}>{current.status.replaceAll(",", ", ")}</option>
          ) : null}
        </FilterSelect>
        <FilterSelect
          id="ai-filter-owner"
          name="owner"
          label="Owner"
          {...narrow}
          defaultValue={current.owner}
          any="Anyone"
          options={[
            { value: "me", label: "Me" },
            ...optionsOf(
              users,
              (u) => u.id,
              (u) => u.name,
            ),
          ]}
        />
        <FilterSelect
          id="ai-filter-team"
          name="team"
          label={<>Owner&rsquo;s team</>}
          {...narrow}
          defaultValue={current.team}
          any="Any team"
          options={optionsOf(
            teams,
            (t) => t.id,
            (t) => t.name,
          )}
        />
        <FilterSelect
          id="ai-filter-service"
          name="service"
          label="Service"
          {...narrow}
          defaultValue={current.service}
          any="Any service"
          options={optionsOf(
            services,
            (s) => s.slug,
            (s) => s.name,
          )}
        />
        <FilterSelect
          id="ai-filter-priority"
          name="priority"
          label="Priority"
          defaultValue={current.priority}
          any="Any priority"
          options={optionsOf(
            PRIORITIES,
            (p) => p,
            (p) => PRIORITY_INFO[p].label,
          )}
        />
        <div className="flex items-center gap-2">
          <button type="submit" className={buttonClass}>
            Apply
          </button>
          <Link href="/action-items" className="px-1 py-2 text-sm whitespace-nowrap text-blue-700 hover:underline dark:text-blue-400">
            Clear filters
          </Link>
        </div>
      </form>
    </div>
  );
}
