import Link from "next/link";
import { BudgetStatusBadge } from "@/app/components/budget-status-badge";
import { formatPercent } from "@/app/components/budget-format";
import { METRIC_DEFINITIONS } from "@/lib/insights/definitions";
import type { InsightsReport } from "@/lib/insights/types";
import { ChartCard } from "./chart-card";
import { SERIES_COLORS } from "./chart-theme";
import { coverageText, formatCount, formatSeconds, plural } from "@/lib/insights/format";
import { drillHref } from "./insights-query";

type Services = InsightsReport["services"];
type Row = Services["rows"][number];

/** Services drawn as bars (the rows come most incidents first); every service is in the table behind "Show data". */
const TOP = 8;

/** The SLO that decides the service's status: the one with the least budget left. */
function worstSlo(row: Row) {
  return [...row.slos].sort((a, b) => a.remainingPercent - b.remainingPercent)[0] ?? null;
}

function Bar({ value, max, color, label, labelWidth = "w-24" }: { value: number; max: number; color: string; label: string; labelWidth?: string }) {
  const share = max > 0 ? Math.max(value > 0 ? 2 : 0, (value / max) * 100) : 0;
  return (
    <div className="flex min-w-0 items-center gap-2">
      <div aria-hidden className="h-3 min-w-0 flex-1 rounded-sm bg-zinc-100 dark:bg-zinc-800">
        <div className="h-3 rounded-sm" style={{ width: `${share}%`, background: color }} />
      </div>
      <span className={`${labelWidth} shrink-0 text-right text-xs font-medium tabular-nums`}>{label}</span>
    </div>
  );
}

/**
 * Where incidents hit: per service, incidents and impact minutes as bars on one scale each,
 * with the SLO budget status beside them in words. Names open the service, counts the incidents.
 */
export function ServicesFigure({ services, filters }: { services: Services; filters: InsightsReport["filters"] }) {
  const top = services.rows.slice(0, TOP);
  const maxIncidents = Math.max(0, ...top.map((r) => r.incidents));
  const maxImpact = Math.max(0, ...top.map((r) => r.impactMinutes));
  const more = services.rows.length > TOP ? ` · the ${TOP} with the most incidents of ${services.rows.length} shown, every service in Show data` : "";
  return (
    <ChartCard
      id="services"
      title="Incidents and impact by service"
      metric="services"
      coverage={`${coverageText(services.coverage, "name no service")}${more}`}
      empty={services.rows.length === 0 ? "No incident in this period names an affected service." : null}
      chart={
        <div>
          <div aria-hidden className="mb-1 hidden grid-cols-[minmax(9rem,14rem)_1fr_1fr_minmax(9rem,12rem)] gap-3 text-xs font-medium text-zinc-500 md:grid">
            <span>Service</span>
            <span className="flex items-center gap-1.5">
              <span className="inline-block h-2.5 w-2.5 shrink-0 rounded-sm" style={{ background: SERIES_COLORS.primary }} /> Incidents (open the list)
            </span>
            <span className="flex items-center gap-1.5">
              <span className="inline-block h-2.5 w-2.5 shrink-0 rounded-sm" style={{ background: SERIES_COLORS.secondary }} /> Impact (start to mitigation)
            </span>
            <span>SLO budget now</span>
          </div>
          <ul className="divide-y divide-zinc-100 dark:divide-zinc-800">
            {top.map((row) => {
              const slo = worstSlo(row);
              return (
                <li key={row.slug} className="grid gap-x-3 gap-y-1 py-2 md:grid-cols-[minmax(9rem,14rem)_1fr_1fr_minmax(9rem,12rem)] md:items-center">
                  <div className="min-w-0">
                    <Link href={`/services/${row.slug}`} className="block truncate text-sm font-medium text-blue-700 hover:underline dark:text-blue-400">
                      {row.name}
                    </Link>
                    <span className="block truncate text-xs text-zinc-500">{row.team ?? "No owner team"}</span>
                  </div>
                  <Link
                    href={drillHref(filters, { service: row.slug })}
                    className="block min-w-0 rounded-sm text-blue-700 hover:underline dark:text-blue-400"
                    aria-label={`${plural(row.incidents, "incident")} on ${row.name}: show them`}
                  >
                    <span className="text-xs text-zinc-500 md:hidden">Incidents</span>
                    <Bar value={row.incidents} max={maxIncidents} color={SERIES_COLORS.primary} label={formatCount(row.incidents)} labelWidth="w-24 md:w-8" />
                  </Link>
                  <div className="min-w-0">
                    <span className="text-xs text-zinc-500 md:hidden">Impact</span>
                    <Bar value={row.impactMinutes} max={maxImpact} color={SERIES_COLORS.secondary} label={formatSeconds(row.impactMinutes * 60)} />
                  </div>
                  <div className="flex flex-wrap items-center gap-1.5">
                    <BudgetStatusBadge status={row.budgetStatus} prefix="SLO budget:" />
                    {slo ? <span className="text-xs text-zinc-600 tabular-nums dark:text-zinc-400">{formatPercent(slo.remainingPercent)} left</span> : null}
                  </div>
                </li>
              );
            })}
          </ul>
        </div>
      }
      footer={
        <dl className="space-y-0.5 text-xs text-zinc-500 dark:text-zinc-400">
          {(["impactMinutes", "budgetStatus"] as const).map((key) => (
            <div key={key}>
              <dt className="inline font-medium">{METRIC_DEFINITIONS[key].label}: </dt>
              <dd className="inline">{METRIC_DEFINITIONS[key].definition}</dd>
            </div>
          ))}
        </dl>
      }
      table="services"
    />
  );
}
