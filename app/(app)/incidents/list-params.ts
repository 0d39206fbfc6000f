// The incident list's URL: which query parameters it keeps, the status it shows by default,
// and the drill-down filters (from /insights) shown as removable chips.

/** Query parameters the list understands, in the order links write them. */
export const LIST_PARAMS = ["status", "severity", "service", "q", "mine", "from", "to", "team", "drill"] as const;
/** Filters a link from /insights sets that have no control of their own on the page. */
export const DRILL_DOWN_PARAMS = ["from", "to", "team", "drill"] as const;

export type ListParam = (typeof LIST_PARAMS)[number];
export type ListParams = Partial<Record<ListParam, string>>;
export type RawSearchParams = Record<string, string | string[] | undefined>;

/** The list's own parameters from the page's search params: first value of each, empty ones left out. */
export function listParamsFrom(search: RawSearchParams): ListParams {
  const params: ListParams = {};
  for (const key of LIST_PARAMS) {
    const raw = search[key];
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value) params[key] = value;
  }
  return params;
}

/** The page's cursor (kept apart: tabs, chips and the search form start again at the first page). */
export function listParamsCursor(search: RawSearchParams): string | undefined {
  const raw = search.cursor;
  return (Array.isArray(raw) ? raw[0] : raw) || undefined;
}

export const hasDrillDown = (params: ListParams) => DRILL_DOWN_PARAMS.some((key) => params[key]);

/**
 * The status tab shown: the one in the URL; else "all" when the list was opened as a
 * drill-down (from /insights, whose figures count closed incidents too); else "active".
 */
export function effectiveStatus(params: ListParams): string {
  return params.status ?? (hasDrillDown(params) ? "all" : "active");
}

/** `/incidents?…` with these parameters (empty values left out) in a stable order. */
export function listHref(params: ListParams & { cursor?: string }): string {
  const search = new URLSearchParams();
  for (const key of [...LIST_PARAMS, "cursor"] as const) {
    const value = params[key];
    if (value) search.set(key, value);
  }
  const query = search.toString();
  return query ? `/incidents?${query}` : "/incidents";
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function dayParts(day: string) {
  const match = DAY.exec(day);
  const month = match ? MONTHS[Number(match[2]) - 1] : undefined;
  return match && month ? { year: match[1]!, month, day: String(Number(match[3])) } : null;
}

/** "2026-08-27" → "27 Aug 2026"; anything else is shown as given. */
export function formatDay(day: string): string {
  const p = dayParts(day);
  return p ? `${p.day} ${p.month} ${p.year}` : day;
}

/** "Started 27 Aug – 24 Nov 2026"; the year once when both days share it. */
export function startedLabel(from: string | undefined, to: string | undefined): string {
  if (from && to) {
    if (from === to) return `Started ${formatDay(from)}`;
    const a = dayParts(from);
    const b = dayParts(to);
    if (a && b && a.year === b.year) return `Started ${a.day} ${a.month} – ${formatDay(to)}`;
    return `Started ${formatDay(from)} – ${formatDay(to)}`;
  }
  if (from) return `Started on or after ${formatDay(from)}`;
  return `Started on or before ${formatDay(to ?? "")}`;
}

export type FilterChip = { key: string; label: string; description: string; removeHref: string };

/**
 * Chips for the drill-down filters in the URL, each with the link that removes it (keeping the
 * status tab shown and the other filters, back to the first page).
 */
export function drillDownChips(params: ListParams, { teamName, timeZone }: { teamName: string | null; timeZone: string }): FilterChip[] {
  const kept = { ...params, status: effectiveStatus(params) };
  const without = (...keys: ListParam[]) => listHref(Object.fromEntries(Object.entries(kept).filter(([key]) => !keys.includes(key as ListParam))));
  const chips: FilterChip[] = [];
  if (params.from || params.to) {
    const label = startedLabel(params.from, params.to);
    const start = params.from ? `from the start of ${formatDay(params.from)}` : "";
    const end = params.to ? `to the end of ${formatDay(params.to)}` : "";
    chips.push({
      key: "started",
      label,
      description: `Incidents whose impact started ${[start, end].filter(Boolean).join(" ")}, in the organisation's time zone (${timeZone}).`,
      removeHref: without("from", "to"),
    });
  }
  if (params.severity?.includes(",")) {
    const list = params.severity
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
    chips.push({ key: "severity", label: list.join(", "), description: `Incidents of severity ${list.join(" or ")}.`, removeHref: without("severity") });
  }
  if (params.team) {
    const name = teamName ?? `#${params.team}`;
    chips.push({ key: "team", label: `Team: ${name}`, description: `Incidents affecting a service the team ${name} owns.`, removeHref: without("team") });
  }
  if (params.drill) {
    const label = params.drill === "0" ? "Drills excluded" : params.drill === "1" ? "Drills only" : `Drill: ${params.drill}`;
    const description =
      params.drill === "0"
        ? "Game days and exercises are left out, as in every learning figure."
        : params.drill === "1"
          ? "Only game days and exercises."
          : "Not a drill filter.";
    chips.push({ key: "drill", label, description, removeHref: without("drill") });
  }
  return chips;
}

/** The link that clears every drill-down chip at once. */
export function clearDrillDownHref(params: ListParams): string {
  const kept: ListParams = { ...params, status: effectiveStatus(params) };
  for (const key of DRILL_DOWN_PARAMS) delete kept[key];
  if (kept.severity?.includes(",")) delete kept.severity;
  return listHref(kept);
}
