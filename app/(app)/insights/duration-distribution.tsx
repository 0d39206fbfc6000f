import type { Severity } from "@/lib/severity";
import type { DurationStats } from "@/lib/insights/types";
import { SeverityPill } from "@/app/components/severity-pill";
import { ChartCard } from "./chart-card";
import { DurationHistogram, type HistogramRow } from "./duration-histogram";
import { shownSeverities, WHAT, type Distribution, type Metric } from "./distribution-shared";
import { binAxisLabel, binAxisLines, coverageText, formatSecondsCompact } from "@/lib/insights/format";

const STAT_COLUMNS = ["min", "p25", "median", "p75", "p90", "max"] as const;
const STAT_LABELS: Record<(typeof STAT_COLUMNS)[number], string> = { min: "Min", p25: "p25", median: "Median", p75: "p75", p90: "p90", max: "Max" };

function total(stats: DurationStats[]) {
  return stats.reduce(
    (sum, s) => ({ incidents: sum.incidents + s.incidents, missing: sum.missing + s.missing, reconstructed: sum.reconstructed + s.reconstructed }),
    {
      incidents: 0,
      missing: 0,
      reconstructed: 0,
    },
  );
}

/** The spread of one duration per severity: a histogram, then its quartiles and tails as a table (never a mean alone). */
function MetricDistribution({ distribution, metric, filter }: { distribution: Distribution; metric: Metric; filter: Severity[] }) {
  const perSeverity = distribution.metrics[metric];
  const severities = shownSeverities(distribution, metric, filter);
  const coverage = total(severities.map((s) => perSeverity[s].stats));
  const rows: HistogramRow[] = distribution.bins.map((bin, i) => ({
    label: bin.label,
    axis: binAxisLabel(bin.minSeconds, bin.maxSeconds),
    lines: binAxisLines(bin.minSeconds, bin.maxSeconds),
    SEV1: perSeverity.SEV1.counts[i] ?? 0,
    SEV2: perSeverity.SEV2.counts[i] ?? 0,
    SEV3: perSeverity.SEV3.counts[i] ?? 0,
    SEV4: perSeverity.SEV4.counts[i] ?? 0,
  }));
  const what = WHAT[metric];
  return (
    <ChartCard
      id={`distribution-${metric}`}
      title={what.charAt(0).toUpperCase() + what.slice(1)}
      metric={metric}
      coverage={coverageText(coverage)}
      empty={coverage.incidents === 0 ? `No incident in this period has the timestamps for ${what}.` : null}
      chart={
        <>
          <DurationHistogram rows={rows} what={what} severities={severities} />
          <div className="mt-3 overflow-x-auto">
            <table className="w-full text-left text-xs tabular-nums">
              <caption className="mb-1 text-left text-xs font-medium text-zinc-600 dark:text-zinc-400">Spread of {what} by severity</caption>
              <thead className="border-b border-zinc-200 dark:border-zinc-800">
                <tr>
                  <th scope="col" className="py-1 pr-2 font-semibold">
                    <span className="sr-only">Figure</span>
                  </th>
                  {severities.map((s) => (
                    <th key={s} scope="col" className="px-1 py-1 text-right font-semibold">
                      <SeverityPill severity={s} />
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                <tr className="border-t border-zinc-100 dark:border-zinc-800">
                  <th scope="row" className="py-1 pr-2 font-normal text-zinc-600 dark:text-zinc-400">
                    Incidents (n)
                  </th>
                  {severities.map((s) => (
                    <td key={s} className="px-1 py-1 text-right">
                      {perSeverity[s].stats.incidents}
                    </td>
                  ))}
                </tr>
                {STAT_COLUMNS.map((c) => {
                  const key = c === "median" || c === "p90";
                  return (
                    <tr key={c} className="border-t border-zinc-100 dark:border-zinc-800">
                      <th scope="row" className={`py-1 pr-2 ${key ? "font-semibold" : "font-normal text-zinc-600 dark:text-zinc-400"}`}>
                        {STAT_LABELS[c]}
                      </th>
                      {severities.map((s) => (
                        <td key={s} className={`px-1 py-1 text-right whitespace-nowrap ${key ? "font-semibold" : "text-zinc-600 dark:text-zinc-400"}`}>
                          {formatSecondsCompact(perSeverity[s].stats[c])}
                        </td>
                      ))}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      }
      table={`distribution-${metric}`}
    />
  );
}

export function DurationDistribution({ distribution, filter }: { distribution: Distribution; filter: Severity[] }) {
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <MetricDistribution distribution={distribution} metric="mitigate" filter={filter} />
      <MetricDistribution distribution={distribution} metric="resolve" filter={filter} />
    </div>
  );
}
