import { SEVERITIES, type Severity } from "@/lib/severity";
import type { InsightsReport } from "@/lib/insights/types";

export type Distribution = InsightsReport["durationDistribution"];
export type Metric = "mitigate" | "resolve";

export const WHAT: Record<Metric, string> = { mitigate: "time to mitigate", resolve: "time to resolve" };

/** The severities a distribution shows: those filtered on, or every one with incidents. */
export function shownSeverities(distribution: Distribution, metric: Metric, filter: Severity[]): Severity[] {
  return SEVERITIES.filter((s) => (filter.length ? filter.includes(s) : true) && (distribution.metrics[metric][s].stats.incidents > 0 || filter.includes(s)));
}

export const binLabels = (distribution: Distribution) => distribution.bins.map((bin) => bin.label);
