import { z } from "zod";
import { SEVERITIES } from "@/lib/severity";
import { DURATION_METRICS } from "@/lib/insights/types";
import { isoInstant } from "./common";

/** GET /api/v1/insights: lib/insights/types.ts InsightsReport (durations in seconds, days as YYYY-MM-DD). */

const int = z.number().int();
const seconds = z.number().nullable();
const day = z.string().meta({ description: "YYYY-MM-DD in the organisation's time zone" });
const budgetStatus = z.enum(["healthy", "at_risk", "exhausted"]);
const bySeverity = <T extends z.ZodType>(value: T) =>
  z.strictObject(Object.fromEntries(SEVERITIES.map((s) => [s, value])) as Record<(typeof SEVERITIES)[number], T>);
const compared = <T extends z.ZodType>(value: T) => z.strictObject({ current: value, previous: value });

const coverageFields = { incidents: int, missing: int, reconstructed: int };
const coverage = z.strictObject(coverageFields);
const durationStats = z.strictObject({ ...coverageFields, min: seconds, p25: seconds, median: seconds, p75: seconds, p90: seconds, max: seconds });
const trendStats = z.strictObject({ ...coverageFields, median: seconds, p90: seconds });
const ratio = z.strictObject({ numerator: int, denominator: int, rate: z.number().nullable() });
const period = z.strictObject({ from: day, to: day, days: int, startsAt: isoInstant, endsAt: isoInstant });
const bucketFields = { start: day, label: z.string() };
const bucketKind = z.enum(["week", "month"]);

export const insightsReportSchema = z
  .strictObject({
    generatedAt: isoInstant,
    timeZone: z.string(),
    filters: z.strictObject({ from: day, to: day, severity: z.array(z.enum(SEVERITIES)), service: z.string().nullable(), team: int.nullable() }),
    period,
    previousPeriod: period,
    scope: compared(z.strictObject({ incidents: int, drillsExcluded: int })),
    headline: z.strictObject({
      incidents: compared(z.strictObject({ total: int, bySeverity: bySeverity(int) })),
      durations: z.strictObject(Object.fromEntries(DURATION_METRICS.map((m) => [m, compared(durationStats)]))),
      postmortemsOnTime: compared(ratio),
      actionItemsOnTime: compared(ratio),
      actionItemsOverdueNow: int,
    }),
    incidentsOverTime: z.strictObject({
      bucket: bucketKind,
      rows: z.array(z.strictObject({ ...bucketFields, ...Object.fromEntries(SEVERITIES.map((s) => [s, int])), total: int })),
    }),
    durationTrend: z.strictObject({
      bucket: bucketKind,
      points: z.array(z.strictObject({ ...bucketFields, mitigate: trendStats, resolve: trendStats })),
    }),
    durationDistribution: z.strictObject({
      bins: z.array(z.strictObject({ key: z.string(), label: z.string(), minSeconds: z.number(), maxSeconds: z.number().nullable() })),
      metrics: z.strictObject({
        mitigate: bySeverity(z.strictObject({ stats: durationStats, counts: z.array(int) })),
        resolve: bySeverity(z.strictObject({ stats: durationStats, counts: z.array(int) })),
      }),
    }),
    services: z.strictObject({
      coverage,
      rows: z.array(
        z.strictObject({
          slug: z.string(),
          name: z.string(),
          team: z.string().nullable(),
          incidents: int,
          impactMinutes: z.number(),
          budgetStatus: budgetStatus.nullable(),
          slos: z.array(z.strictObject({ name: z.string(), objective: z.number(), remainingPercent: z.number(), status: budgetStatus })),
        }),
      ),
    }),
    factors: z.strictObject({
      coverage,
      ranked: z.array(
        z.strictObject({
          id: int,
          name: z.string(),
          incidents: int,
          previousIncidents: int,
          trend: z.array(z.strictObject({ ...bucketFields, incidents: int })),
        }),
      ),
      repeats: z.strictObject({
        total: int,
        items: z.array(
          z.strictObject({
            reference: z.string(),
            title: z.string(),
            severity: z.enum(SEVERITIES),
            startedAt: isoInstant,
            service: z.strictObject({ slug: z.string(), name: z.string() }),
            factor: z.string(),
            previous: z.strictObject({ reference: z.string(), title: z.string(), startedAt: isoInstant }),
          }),
        ),
      }),
    }),
    postmortems: z.strictObject({
      required: int,
      published: int,
      publishedOnTime: int,
      publishedLate: int,
      overdue: int,
      voluntary: int,
      timeToPublish: durationStats,
      byBucket: z.array(z.strictObject({ ...bucketFields, required: int, published: int })),
    }),
    actionItems: z.strictObject({
      onTime: ratio,
      overdueNow: int,
      byBucket: z.array(z.strictObject({ ...bucketFields, opened: int, closed: int, backlog: int })),
      overdueByTeam: z.array(z.strictObject({ team: z.string(), overdue: int, open: int })),
    }),
    responders: z.strictObject({
      outOfHours: ratio,
      people: z.array(z.strictObject({ userId: int, name: z.string(), incidents: int, outOfHours: int, outOfHoursRate: z.number().nullable() })),
    }),
  })
  .meta({ id: "InsightsReport" });
