import Link from "next/link";
import { AlertTriangle, ArrowDown, ArrowUp, User } from "lucide-react";
import { ACTION_STATUSES, ACTION_STATUS_INFO, PRIORITIES, PRIORITY_INFO } from "@/lib/action-items";
import { buttonClass, inputClass } from "@/app/components/ui";

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
const labelSmall = "text-xs font-medium text-zinc-600 dark:text-zinc-400";

/** Filters live in the URL so a filtered list can be shared: quick toggles, then a form for the rest. */
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
        <Link href={actionItemsHref(current, { overdue: !current.overdue })} aria-current={current.overdue ? "true" : undefined} className={toggleClass(current.overdue)}>
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
          <Link href={actionItemsHref(current, { incident: "" })} className={toggleClass(true)} aria-label={`Showing ${current.incident} only. Show every incident`}>
            {current.incident} ✕
          </Link>
        ) : null}
      </div>
      <form method="get" action="/action-items" className="grid grid-cols-2 items-end gap-2 sm:flex sm:flex-wrap" aria-label="Filter action items">
        {current.overdue ? <input type="hidden" name="overdue" value="1" /> : null}
        {current.incident ? <input type="hidden" name="incident" value={current.incident} /> : null}
        {current.sort !== "due" ? <input type="hidden" name="sort" value={current.sort} /> : null}
        <div>
          <label htmlFor="ai-filter-status" className={labelSmall}>
            Status
          </label>
          <select id="ai-filter-status" name="status" defaultValue={current.status} className={`${inputClass} mt-1`}>
            <option value="">Not finished</option>
            {ACTION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {ACTION_STATUS_INFO[s].label}
              </option>
            ))}
            <option value="all">Any status</option>
            {current.status && current.status !== "all" && !(ACTION_STATUSES as readonly string[]).includes(current.status) ? (
              <option value={current.status}>{current.status.replaceAll(",", ", ")}</option>
            ) : null}
          </select>
        </div>
        <div className="min-w-0">
          <label htmlFor="ai-filter-owner" className={labelSmall}>
            Owner
          </label>
          <select id="ai-filter-owner" name="owner" defaultValue={current.owner} className={`${inputClass} mt-1 sm:max-w-48`}>
            <option value="">Anyone</option>
            <option value="me">Me</option>
            {users.map((u) => (
              <option key={u.id} value={String(u.id)}>
                {u.name}
              </option>
            ))}
          </select>
        </div>
        <div className="min-w-0">
          <label htmlFor="ai-filter-team" className={labelSmall}>
            Owner&rsquo;s team
          </label>
          <select id="ai-filter-team" name="team" defaultValue={current.team} className={`${inputClass} mt-1 sm:max-w-48`}>
            <option value="">Any team</option>
            {teams.map((t) => (
              <option key={t.id} value={String(t.id)}>
                {t.name}
              </option>
            ))}
          </select>
        </div>
        <div className="min-w-0">
          <label htmlFor="ai-filter-service" className={labelSmall}>
            Service
          </label>
          <select id="ai-filter-service" name="service" defaultValue={current.service} className={`${inputClass} mt-1 sm:max-w-48`}>
            <option value="">Any service</option>
            {services.map((s) => (
              <option key={s.slug} value={s.slug}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="ai-filter-priority" className={labelSmall}>
            Priority
          </label>
          <select id="ai-filter-priority" name="priority" defaultValue={current.priority} className={`${inputClass} mt-1`}>
            <option value="">Any priority</option>
            {PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {PRIORITY_INFO[p].label}
              </option>
            ))}
          </select>
        </div>
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
