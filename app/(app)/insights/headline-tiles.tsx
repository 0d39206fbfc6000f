import Link from "next/link";
import { METRIC_DEFINITIONS, type MetricKey } from "@/lib/insights/definitions";
import type { Compared, DurationMetric, DurationStats, InsightsReport, Ratio } from "@/lib/insights/types";
import { SEVERITIES, type Severity } from "@/lib/severity";
import { SeverityPill } from "@/app/components/severity-pill";
import { cardClass } from "@/app/components/ui";
import { ChangeIndicator } from "./change-indicator";
import { DefinitionTip } from "./definition-tip";
import { coverageText, formatCount, formatRate, formatSeconds, plural } from "@/lib/insights/format";
import { drillHref } from "./insights-query";

const linkClass = "text-blue-700 hover:underline dark:text-blue-400";

function Tile({ id, metric, children, className = "" }: { id: string; metric: MetricKey; children: React.ReactNode; className?: string }) {
  const { label, definition } = METRIC_DEFINITIONS[metric];
  return (
    <section aria-labelledby={`${id}-title`} data-tile={id} className={`${cardClass} flex min-w-0 flex-col gap-2 p-4 ${className}`}>
      <div className="relative flex items-start gap-1">
        <h3 id={`${id}-title`} className="text-sm font-medium text-zinc-600 dark:text-zinc-400">
          {label}
        </h3>
        <DefinitionTip label={label} definition={definition} />
      </div>
      {children}
    </section>
  );
}

const Big = ({ children }: { children: React.ReactNode }) => <p className="text-3xl font-semibold tracking-tight tabular-nums">{children}</p>;
const Note = ({ children }: { children: React.ReactNode }) => <p className="mt-auto text-xs text-zinc-500 dark:text-zinc-400">{children}</p>;

function IncidentsTile({ incidents, filters }: { incidents: InsightsReport["headline"]["incidents"]; filters: InsightsReport["filters"] }) {
  const shown: Severity[] = filters.severity.length ? SEVERITIES.filter((s) => filters.severity.includes(s)) : [...SEVERITIES];
  return (
    <Tile id="incidents" metric="incidents" className="md:row-span-2">
      <Big>
        <Link href={drillHref(filters)} className="hover:underline" aria-label={`${plural(incidents.current.total, "incident")}: show them`}>
          {formatCount(incidents.current.total)}
        </Link>
      </Big>
      <ChangeIndicator kind="count" current={incidents.current.total} previous={incidents.previous.total} />
      <ul className="mt-1 divide-y divide-zinc-100 dark:divide-zinc-800" aria-label="By severity">
        {shown.map((s) => (
          <li key={s} className="flex flex-wrap items-center gap-x-2 gap-y-0.5 py-1.5">
            <SeverityPill severity={s} long />
            <Link
              href={drillHref(filters, { severity: [s] })}
              className={`ml-auto text-lg font-semibold tabular-nums ${linkClass}`}
              aria-label={`${plural(incidents.current.bySeverity[s], `${s} incident`)}: show them`}
            >
              {formatCount(incidents.current.bySeverity[s])}
            </Link>
            <div className="w-full">
              <ChangeIndicator kind="count" current={incidents.current.bySeverity[s]} previous={incidents.previous.bySeverity[s]} />
            </div>
          </li>
        ))}
      </ul>
    </Tile>
  );
}

function DurationTile({ metric, figure }: { metric: DurationMetric; figure: Compared<DurationStats> }) {
  const { current, previous } = figure;
  return (
    <Tile id={`time-to-${metric}`} metric={metric}>
      <dl className="grid grid-cols-2 gap-3">
        {(["median", "p90"] as const).map((key) => (
          <div key={key} className="min-w-0">
            <dt className="text-xs font-medium text-zinc-500 dark:text-zinc-400">{key === "median" ? "Median" : "p90"}</dt>
            <dd className="text-2xl font-semibold tracking-tight tabular-nums">{formatSeconds(current[key])}</dd>
            <dd className="mt-0.5">
              <ChangeIndicator kind="duration" current={current[key]} previous={previous[key]} />
            </dd>
          </div>
        ))}
      </dl>
      <Note>{coverageText(current)}</Note>
    </Tile>
  );
}

function RatioTile({ id, metric, figure, unit }: { id: string; metric: MetricKey; figure: Compared<Ratio>; unit: string }) {
  const { current, previous } = figure;
  return (
    <Tile id={id} metric={metric}>
      <div className="flex flex-wrap items-baseline gap-x-2">
        <Big>{formatRate(current.rate)}</Big>
        <span className="text-sm text-zinc-600 dark:text-zinc-400">
          {current.denominator ? `${formatCount(current.numerator)} of ${plural(current.denominator, unit)}` : `no ${unit}s due`}
        </span>
      </div>
      <ChangeIndicator kind="rate" current={current.rate} previous={previous.rate} />
      <Note>n = {formatCount(current.denominator)} due</Note>
    </Tile>
  );
}

/** The headline figures, most important first: how many incidents, how long they take, and whether we follow through. */
export function HeadlineTiles({ report }: { report: InsightsReport }) {
  const { headline, filters } = report;
  const overdueHref = `/action-items?overdue=1${filters.service ? `&service=${encodeURIComponent(filters.service)}` : ""}`;
  return (
    <div className="grid gap-3 md:grid-cols-2 lg:grid-cols-3">
      <IncidentsTile incidents={headline.incidents} filters={filters} />
      <DurationTile metric="mitigate" figure={headline.durations.mitigate} />
      <DurationTile metric="resolve" figure={headline.durations.resolve} />
      <DurationTile metric="detect" figure={headline.durations.detect} />
      <DurationTile metric="acknowledge" figure={headline.durations.acknowledge} />
      <RatioTile id="postmortems-on-time" metric="postmortemsOnTime" figure={headline.postmortemsOnTime} unit="postmortem" />
      <RatioTile id="action-items-on-time" metric="actionItemsOnTime" figure={headline.actionItemsOnTime} unit="action item" />
      <Tile id="action-items-overdue" metric="actionItemsOverdueNow">
        <Big>{formatCount(headline.actionItemsOverdueNow)}</Big>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">open or in progress and past due, for incidents of any date</p>
        <Note>
          <Link href={overdueHref} className={linkClass}>
            See overdue action items
          </Link>
        </Note>
      </Tile>
    </div>
  );
}
