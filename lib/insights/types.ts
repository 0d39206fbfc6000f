import type { Severity } from "../severity";

/**
 * The shape of GET /api/v1/insights and of the /insights page: one report, computed in
 * db/queries/insights, with the definitions of lib/insights (DESIGN.md "Learning figures").
 * Durations are in seconds; instants are ISO-8601 UTC strings; calendar days ("YYYY-MM-DD")
 * are days of the organisation's time zone.
 */

export const DURATION_METRICS = ["detect", "acknowledge", "mitigate", "resolve"] as const;
export type DurationMetric = (typeof DURATION_METRICS)[number];

/** How many incidents a figure covers, and how many it had to leave out. */
export type Coverage = {
  /** Incidents counted in the figure. */
  incidents: number;
  /**
   * Incidents in scope the figure had to leave out: for durations, those missing a timestamp
   * the figure needs; for services, those naming no service; for factors, those with no
   * factor tagged yet.
   */
  missing: number;
  /** Of the counted ones, those using a timestamp typed in or backdated rather than recorded as it happened. */
  reconstructed: number;
};

/** Percentiles by linear interpolation between closest ranks (as Postgres percentile_cont). */
export type DurationStats = Coverage & {
  min: number | null;
  p25: number | null;
  median: number | null;
  p75: number | null;
  p90: number | null;
  max: number | null;
};

/** One point of a duration trend: the incidents behind it and their median and p90 (seconds; null without incidents). */
export type TrendStats = Coverage & { median: number | null; p90: number | null };

/** A share: numerator of denominator; rate is null when the denominator is 0. */
export type Ratio = { numerator: number; denominator: number; rate: number | null };

/** A figure now and in the previous period of equal length. */
export type Compared<T> = { current: T; previous: T };

export type InsightsFilters = {
  /** First day included (organisation time zone). */
  from: string;
  /** Last day included (organisation time zone). */
  to: string;
  /** Empty means every severity. */
  severity: Severity[];
  /** Service slug, or null. */
  service: string | null;
  /** Team id, or null. An incident belongs to a team when it affects a service the team owns. */
  team: number | null;
};

export type Period = { from: string; to: string; days: number; startsAt: string; endsAt: string };

export type SeverityCounts = Record<Severity, number>;

export type TimeBucket = { start: string; label: string };

export type DurationBin = { key: string; label: string; minSeconds: number; maxSeconds: number | null };

export type BudgetStatusName = "healthy" | "at_risk" | "exhausted";

export type InsightsReport = {
  generatedAt: string;
  timeZone: string;
  filters: InsightsFilters;
  period: Period;
  previousPeriod: Period;
  /**
   * Incidents that started in the period and match the filters (drills excluded), and the
   * drills that matched but were left out. Only incidents the caller may see count.
   */
  scope: Compared<{ incidents: number; drillsExcluded: number }>;

  headline: {
    incidents: Compared<{ total: number; bySeverity: SeverityCounts }>;
    durations: Record<DurationMetric, Compared<DurationStats>>;
    /** Required postmortems of in-scope incidents: published by the deadline ÷ (on time + late + overdue). */
    postmortemsOnTime: Compared<Ratio>;
    /** Action items due in the period (incidents matching the filters, any start date): done by the end of the due day (UTC) ÷ (done + unfinished past due). */
    actionItemsOnTime: Compared<Ratio>;
    /** Action items of incidents matching the filters (any date) open or in progress and past due now. */
    actionItemsOverdueNow: number;
  };

  /** Incidents started per week (ranges up to 180 days) or month, by severity. */
  incidentsOverTime: {
    bucket: "week" | "month";
    rows: (TimeBucket & SeverityCounts & { total: number })[];
  };

  /**
   * Median and p90 time to mitigate and to resolve per ISO week (ranges up to 90 days) or
   * month, by the day each incident started: "are incidents getting shorter?". Each point
   * counts the incidents it covers and those left out for a missing timestamp.
   */
  durationTrend: {
    bucket: "week" | "month";
    points: (TimeBucket & Record<"mitigate" | "resolve", TrendStats>)[];
  };

  /** Histogram of time to mitigate and to resolve, per severity, with the stats beside it. */
  durationDistribution: {
    bins: DurationBin[];
    metrics: Record<"mitigate" | "resolve", Record<Severity, { stats: DurationStats; counts: number[] }>>;
  };

  /** Services hit by in-scope incidents, most incidents first (at most 15). */
  services: {
    coverage: Coverage;
    rows: {
      slug: string;
      name: string;
      team: string | null;
      incidents: number;
      /** Minutes from start to mitigation (else resolution) summed over its incidents; still-open ones count to now. */
      impactMinutes: number;
      /** The worst current status of its SLOs, null without SLOs. */
      budgetStatus: BudgetStatusName | null;
      slos: { name: string; objective: number; remainingPercent: number; status: BudgetStatusName }[];
    }[];
  };

  /** Contributing factors tagged on the postmortems of in-scope incidents. */
  factors: {
    /** In-scope incidents with a postmortem that names at least one factor. */
    coverage: Coverage;
    ranked: {
      id: number;
      name: string;
      incidents: number;
      previousIncidents: number;
      trend: (TimeBucket & { incidents: number })[];
    }[];
    /** Same service and same factor as an earlier incident that started within the 90 days before. */
    repeats: {
      total: number;
      items: {
        reference: string;
        title: string;
        severity: Severity;
        startedAt: string;
        service: { slug: string; name: string };
        factor: string;
        previous: { reference: string; title: string; startedAt: string };
      }[];
    };
  };

  /** Postmortems of in-scope incidents. */
  postmortems: {
    /** Resolved in-scope incidents that require one (configured severities, or a budget exhausted). */
    required: number;
    published: number;
    publishedOnTime: number;
    publishedLate: number;
    /** Required, resolved, not published, deadline passed. */
    overdue: number;
    /** Published although not required. */
    voluntary: number;
    /** Resolution → publication, of published ones. */
    timeToPublish: DurationStats;
    byBucket: (TimeBucket & { required: number; published: number })[];
  };

  /** Action items of incidents matching the filters except the date. */
  actionItems: {
    onTime: Ratio;
    overdueNow: number;
    /** Opened (created) and closed (done or won't do) per bucket, with the open backlog at the end of each bucket. */
    byBucket: (TimeBucket & { opened: number; closed: number; backlog: number })[];
    /** Open items past due by the owner's team (an owner in several teams counts in each; "No team" otherwise). */
    overdueByTeam: { team: string; overdue: number; open: number }[];
  };

  /** People holding a role (commander, communications, scribe, responder) on in-scope incidents. */
  responders: {
    /** Declared outside 09:00–18:00 Monday–Friday in the organisation's time zone. */
    outOfHours: Ratio;
    people: { userId: number; name: string; incidents: number; outOfHours: number; outOfHoursRate: number | null }[];
  };
};
