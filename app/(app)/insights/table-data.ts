import { SEVERITIES, type Severity } from "@/lib/severity";
import type { InsightsReport } from "@/lib/insights/types";
import { formatCount, formatInstantDay, formatRate, formatSeconds, plural } from "@/lib/insights/format";
import { formatPercent } from "@/app/components/budget-format";
import type { TableData } from "./data-table";
import { binLabels, shownSeverities, WHAT, type Metric } from "./distribution-shared";
import type { InsightsTableId } from "./table-ids";

const DAY_MS = 86_400_000;
const bucketColumn = (bucket: "week" | "month", week = "Week starting") => ({ label: bucket === "week" ? week : "Month" });

function durationTrend({ durationTrend: trend }: InsightsReport): TableData[] {
  return [
    {
      caption: `Median and p90 time to mitigate and resolve per ${trend.bucket}, with the incidents counted and left out`,
      columns: [
        bucketColumn(trend.bucket),
        { label: "Mitigated (n)", numeric: true },
        { label: "Mitigate median", numeric: true },
        { label: "Mitigate p90", numeric: true },
        { label: "Not mitigated", numeric: true },
        { label: "Resolved (n)", numeric: true },
        { label: "Resolve median", numeric: true },
        { label: "Resolve p90", numeric: true },
        { label: "Not resolved", numeric: true },
      ],
      rows: trend.points.map((p) => [
        p.label,
        p.mitigate.incidents,
        formatSeconds(p.mitigate.median),
        formatSeconds(p.mitigate.p90),
        p.mitigate.missing,
        p.resolve.incidents,
        formatSeconds(p.resolve.median),
        formatSeconds(p.resolve.p90),
        p.resolve.missing,
      ]),
    },
  ];
}

function distribution(report: InsightsReport, metric: Metric): TableData[] {
  const { durationDistribution: d, filters } = report;
  const severities: Severity[] = shownSeverities(d, metric, filters.severity);
  const what = WHAT[metric];
  return [
    {
      caption: `Incidents by ${what} and severity`,
      columns: [{ label: what.replace(/^t/, "T") }, ...severities.map((s) => ({ label: s, numeric: true }))],
      rows: binLabels(d).map((label, i) => [label, ...severities.map((s) => d.metrics[metric][s].counts[i] ?? 0)]),
    },
  ];
}

function overTime({ incidentsOverTime: data }: InsightsReport): TableData[] {
  return [
    {
      caption: `Incidents per ${data.bucket} by severity`,
      columns: [bucketColumn(data.bucket), ...SEVERITIES.map((s) => ({ label: s, numeric: true })), { label: "Total", numeric: true }],
      rows: data.rows.map((r) => [r.label, ...SEVERITIES.map((s) => r[s]), r.total]),
    },
  ];
}

function services({ services: s }: InsightsReport): TableData[] {
  return [
    {
      caption: "Incidents, impact minutes and SLO budgets per service",
      columns: [
        { label: "Service" },
        { label: "Team" },
        { label: "Incidents", numeric: true },
        { label: "Impact minutes", numeric: true },
        { label: "SLOs (budget left)" },
      ],
      rows: s.rows.map((row) => [
        { text: row.name, href: `/services/${row.slug}` },
        row.team ?? "—",
        formatCount(row.incidents),
        formatCount(row.impactMinutes),
        row.slos.length
          ? row.slos.map((o) => `${o.name} ${o.objective}%: ${formatPercent(o.remainingPercent)} left (${o.status.replace("_", " ")})`).join("; ")
          : "No SLOs",
      ]),
    },
  ];
}

function factors({ factors: f, incidentsOverTime }: InsightsReport): TableData[] {
  const buckets = f.ranked[0]?.trend ?? [];
  return [
    {
      caption: `Incidents per contributing factor, in total and per ${incidentsOverTime.bucket}`,
      columns: [
        { label: "Factor" },
        { label: "This period", numeric: true },
        { label: "Before", numeric: true },
        ...buckets.map((b) => ({ label: b.label, numeric: true })),
      ],
      rows: f.ranked.map((x) => [x.name, x.incidents, x.previousIncidents, ...x.trend.map((t) => t.incidents)]),
    },
  ];
}

function repeats({ factors: { repeats: r }, timeZone }: InsightsReport): TableData[] {
  return [
    {
      caption: r.items.length < r.total ? `The latest ${r.items.length} of ${formatCount(r.total)} repeat incidents` : "Repeat incidents",
      columns: [
        { label: "Incident" },
        { label: "Severity" },
        { label: "Title" },
        { label: "Service" },
        { label: "Factor" },
        { label: "After", numeric: true },
        { label: "Earlier incident" },
      ],
      rows: r.items.map((item) => [
        { text: item.reference, href: `/incidents/${item.reference}` },
        item.severity,
        item.title,
        { text: item.service.name, href: `/services/${item.service.slug}` },
        item.factor,
        plural(Math.round((Date.parse(item.startedAt) - Date.parse(item.previous.startedAt)) / DAY_MS), "day"),
        {
          text: `${item.previous.reference} (${item.previous.title}, ${formatInstantDay(item.previous.startedAt, timeZone)})`,
          href: `/incidents/${item.previous.reference}`,
        },
      ]),
    },
  ];
}

function postmortems({ postmortems: p, incidentsOverTime }: InsightsReport): TableData[] {
  const bucket = incidentsOverTime.bucket;
  return [
    {
      caption: `Postmortems required and published per ${bucket}`,
      columns: [bucketColumn(bucket, "Week"), { label: "Required", numeric: true }, { label: "Published", numeric: true }],
      rows: p.byBucket.map((b) => [b.label, b.required, b.published]),
    },
  ];
}

function actionItems({ actionItems: a, incidentsOverTime }: InsightsReport): TableData[] {
  const bucket = incidentsOverTime.bucket;
  return [
    {
      visibleCaption: true,
      caption: `Action items opened and closed per ${bucket}, with the open backlog`,
      columns: [bucketColumn(bucket, "Week"), { label: "Opened", numeric: true }, { label: "Closed", numeric: true }, { label: "Open backlog", numeric: true }],
      rows: a.byBucket.map((b) => [b.label, b.opened, b.closed, b.backlog]),
    },
    {
      visibleCaption: true,
      caption: "Open and overdue action items by team",
      columns: [{ label: "Team" }, { label: "Overdue", numeric: true }, { label: "Open", numeric: true }],
      rows: a.overdueByTeam.map((t) => [t.team, t.overdue, t.open]),
    },
  ];
}

function responders({ responders: r }: InsightsReport): TableData[] {
  const people = [...r.people].sort((a, b) => b.incidents - a.incidents || a.name.localeCompare(b.name));
  return [
    {
      caption: "Incidents per person and the share declared out of hours",
      columns: [
        { label: "Person" },
        { label: "Incidents", numeric: true },
        { label: "Out of hours", numeric: true },
        { label: "Share out of hours", numeric: true },
      ],
      rows: people.map((p) => [p.name, formatCount(p.incidents), formatCount(p.outOfHours), formatRate(p.outOfHoursRate)]),
    },
  ];
}

const BUILDERS: Record<InsightsTableId, (report: InsightsReport) => TableData[]> = {
  "duration-trend": durationTrend,
  "distribution-mitigate": (report) => distribution(report, "mitigate"),
  "distribution-resolve": (report) => distribution(report, "resolve"),
  "over-time": overTime,
  services,
  factors,
  repeats,
  postmortems,
  "action-items": actionItems,
  responders,
};

/** One figure's numbers as tables: what "Show data" fetches when it is opened, never part of the page. */
export function insightsTables(report: InsightsReport, id: InsightsTableId): TableData[] {
  return BUILDERS[id](report);
}
