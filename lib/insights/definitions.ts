import type { DurationMetric } from "./types";

/**
 * What each figure on the insights dashboard means, in one sentence: the words of
 * DESIGN.md ("Learning figures") and of the comments in lib/insights/types.ts, so the
 * dashboard, the API documentation and the CSV all say the same thing.
 */
export type MetricDefinition = { label: string; definition: string };

export const DURATION_DEFINITIONS: Record<DurationMetric, MetricDefinition> = {
  detect: {
    label: "Time to detect",
    definition: "Detected at − started at, for incidents with both timestamps; incidents missing one are left out and counted.",
  },
  acknowledge: {
    label: "Time to acknowledge",
    definition: "Acknowledged at − declared at, for incidents with both timestamps; incidents missing one are left out and counted.",
  },
  mitigate: {
    label: "Time to mitigate",
    definition: "Mitigated at − started at, for incidents with both timestamps; incidents missing one are left out and counted.",
  },
  resolve: {
    label: "Time to resolve",
    definition: "Resolved at − started at, for incidents with both timestamps; incidents missing one are left out and counted.",
  },
};

export const METRIC_DEFINITIONS = {
  incidents: {
    label: "Incidents",
    definition: "Incidents that started in the period and match the filters, drills left out and counted apart; only incidents you may see count.",
  },
  ...DURATION_DEFINITIONS,
  percentiles: {
    label: "Median and p90",
    definition:
      "Half of the incidents took less than the median and nine in ten less than the p90, by linear interpolation between closest ranks; a mean alone misleads on skewed incident data.",
  },
  reconstructed: {
    label: "Reconstructed",
    definition: "Of the counted incidents, those using a timestamp typed in or backdated rather than recorded as it happened.",
  },
  postmortemsOnTime: {
    label: "Postmortems published on time",
    definition: "Required postmortems of in-scope incidents: published by the deadline ÷ (on time + late + overdue).",
  },
  actionItemsOnTime: {
    label: "Action items done on time",
    definition:
      "Action items due in the period (incidents matching the filters, any start date): done by the end of the due day (UTC) ÷ (done + unfinished past due).",
  },
  actionItemsOverdueNow: {
    label: "Action items overdue now",
    definition: "Action items of incidents matching the filters (any date) open or in progress and past due now.",
  },
  incidentsOverTime: {
    label: "Incidents over time",
    definition: "Incidents started per week (ranges up to 180 days) or month, by severity.",
  },
  durationTrend: {
    label: "Time to mitigate and resolve over time",
    definition:
      "Median and p90 of mitigated at − started at and of resolved at − started at, per ISO week (ranges up to 90 days) or month, by the day each incident started in the organisation's time zone; drills left out, incidents missing a timestamp left out and counted.",
  },
  durationDistribution: {
    label: "Distribution of time to mitigate and resolve",
    definition:
      "How many incidents of each severity took how long from start to mitigation and to resolution, with the minimum, quartiles, median, p90 and maximum beside it.",
  },
  services: {
    label: "Services",
    definition: "Services hit by in-scope incidents, most incidents first (at most 15).",
  },
  impactMinutes: {
    label: "Impact minutes",
    definition: "Minutes from start to mitigation (else resolution) summed over a service's incidents; still-open ones count to now.",
  },
  budgetStatus: {
    label: "SLO budget",
    definition: "The worst current status of the service's SLOs: healthy with at least 25 % of the error budget left, at risk below 25 %, exhausted at none.",
  },
  factors: {
    label: "Contributing factors",
    definition: "Contributing factors tagged on the postmortems of in-scope incidents, counted once per incident, compared with the previous period.",
  },
  repeats: {
    label: "Repeat incidents",
    definition: "Incidents with the same service and same factor as an earlier incident that started within the 90 days before.",
  },
  postmortemsRequired: {
    label: "Postmortems required and published",
    definition:
      "Resolved in-scope incidents that require a postmortem (configured severities, or a budget exhausted), and how many of those have one published.",
  },
  postmortemsOverdue: {
    label: "Postmortems overdue",
    definition: "Required, resolved, not published, deadline passed.",
  },
  timeToPublish: {
    label: "Time to publish",
    definition: "Resolution → publication, of published postmortems.",
  },
  actionItemsFlow: {
    label: "Action items opened and closed",
    definition: "Action items opened (created) and closed (done or won't do) per bucket, with the open backlog at the end of each bucket.",
  },
  overdueByTeam: {
    label: "Overdue by team",
    definition: 'Open action items past due by the owner\'s team (an owner in several teams counts in each; "No team" otherwise).',
  },
  responderLoad: {
    label: "Responder load",
    definition: "People holding a role (commander, communications, scribe, responder) on in-scope incidents, with how many incidents each.",
  },
  outOfHours: {
    label: "Out of hours",
    definition: "Incidents declared outside 09:00–18:00 Monday–Friday in the organisation's time zone.",
  },
} as const satisfies Record<string, MetricDefinition>;

export type MetricKey = keyof typeof METRIC_DEFINITIONS;

export const METRIC_KEYS = Object.keys(METRIC_DEFINITIONS) as MetricKey[];

export function definitionOf(key: MetricKey): string {
  return METRIC_DEFINITIONS[key].definition;
}
