import { INSIGHTS_RANGE_PRESETS } from "@/lib/insights/params";
import type { InsightsFilters } from "@/lib/insights/types";
import type { Severity } from "@/lib/severity";

export type RawSearch = Record<string, string | string[] | undefined>;

/** The page's query as the API takes it: only known keys, no empty values, one string each. */
export type InsightsSearch = Partial<Record<"range" | "from" | "to" | "severity" | "service" | "team", string>>;

const KEYS = ["range", "from", "to", "severity", "service", "team"] as const;
const PRESETS = INSIGHTS_RANGE_PRESETS.map(String);

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim() ?? "";

/**
 * What the controls form submits, made into the one URL that means it: a preset period
 * drops the dates, "custom" keeps only the dates, severity checkboxes become one comma list,
 * empty selects disappear. Invalid values are kept so getInsights can say what is wrong.
 */
export function normaliseInsightsSearch(raw: RawSearch): InsightsSearch {
  const out: InsightsSearch = {};
  const range = first(raw.range);
  const from = first(raw.from);
  const to = first(raw.to);
  if (range && range !== "custom") {
    out.range = range;
    // A preset wins over dates only when the preset is real; otherwise show the dates' errors too.
    if (!PRESETS.includes(range)) {
      if (from) out.from = from;
      if (to) out.to = to;
    }
  } else {
    if (from) out.from = from;
    if (to) out.to = to;
  }
  const severities = (Array.isArray(raw.severity) ? raw.severity : [raw.severity ?? ""])
    .flatMap((s) => s.split(","))
    .map((s) => s.trim())
    .filter(Boolean);
  if (severities.length) out.severity = [...new Set(severities)].join(",");
  const service = first(raw.service);
  if (service) out.service = service;
  const team = first(raw.team);
  if (team) out.team = team;
  return out;
}

export function searchString(search: InsightsSearch): string {
  const params = new URLSearchParams();
  for (const key of KEYS) if (search[key]) params.set(key, search[key]);
  return readable(params);
}

/** The raw query string as it came, to tell whether the canonical one differs. */
export function rawSearchString(raw: RawSearch): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(raw)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) params.append(key, v);
  }
  return readable(params);
}

export const insightsHref = (search: InsightsSearch) => withQuery("/insights", searchString(search));

export const csvHref = (search: InsightsSearch) => withQuery("/api/v1/insights/incidents.csv", searchString(search));

/** The incident list showing the incidents behind a figure: the report's days and filters, drills left out. */
export function drillHref(filters: InsightsFilters, patch: { severity?: Severity[]; service?: string } = {}): string {
  const params = new URLSearchParams();
  params.set("from", filters.from);
  params.set("to", filters.to);
  const severity = patch.severity ?? filters.severity;
  if (severity.length) params.set("severity", severity.join(","));
  const service = patch.service ?? filters.service;
  if (service) params.set("service", service);
  if (filters.team !== null) params.set("team", String(filters.team));
  params.set("drill", "0");
  return `/incidents?${readable(params)}`;
}

/** Commas are allowed in a query string: "SEV1,SEV2" reads better than "SEV1%2CSEV2". */
function readable(params: URLSearchParams): string {
  return params.toString().replaceAll("%2C", ",");
}

function withQuery(path: string, query: string) {
  return query ? `${path}?${query}` : path;
}
