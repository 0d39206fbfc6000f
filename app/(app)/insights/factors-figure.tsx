import type { InsightsReport } from "@/lib/insights/types";
import { ChangeIndicator } from "./change-indicator";
import { ChartCard } from "./chart-card";
import { SERIES_COLORS } from "./chart-theme";
import { formatCount } from "@/lib/insights/format";
import { Sparkline } from "./sparkline";

type Factors = InsightsReport["factors"];

/** Contributing factors, most frequent first: a bar for the period, its trend, and the change against before. */
export function FactorsFigure({ factors, bucket }: { factors: Factors; bucket: "week" | "month" }) {
  const max = Math.max(0, ...factors.ranked.map((f) => f.incidents));
  const trendMax = Math.max(0, ...factors.ranked.flatMap((f) => f.trend.map((t) => t.incidents)));
  const buckets = factors.ranked[0]?.trend ?? [];
  return (
    <ChartCard
      id="factors"
      title="Contributing factors"
      metric="factors"
      coverage={`n = ${formatCount(factors.coverage.incidents)} with a factor named in the postmortem${factors.coverage.missing ? ` · ${formatCount(factors.coverage.missing)} without one yet` : ""}`}
      empty={factors.ranked.length === 0 ? "No postmortem of an incident in this period names a contributing factor yet." : null}
      chart={
        <>
          <p aria-hidden className="mb-1 flex justify-between text-xs text-zinc-500">
            <span>Incidents this period</span>
            <span>Incidents per {bucket}</span>
          </p>
          <ol className="divide-y divide-zinc-100 dark:divide-zinc-800">
            {factors.ranked.map((factor) => (
              <li key={factor.id} className="py-2">
                <div className="flex items-baseline justify-between gap-3">
                  <span className="min-w-0 text-sm font-medium break-words">{factor.name}</span>
                  <span className="text-sm font-semibold tabular-nums">{formatCount(factor.incidents)}</span>
                </div>
                <div className="mt-1 flex items-center gap-3">
                  <div aria-hidden className="h-3 min-w-0 flex-1 rounded-sm bg-zinc-100 dark:bg-zinc-800">
                    <div
                      className="h-3 rounded-sm"
                      style={{ width: `${max ? Math.max(2, (factor.incidents / max) * 100) : 0}%`, background: SERIES_COLORS.primary }}
                    />
                  </div>
                  <Sparkline values={factor.trend.map((t) => t.incidents)} max={trendMax} first={buckets[0]?.label ?? ""} last={buckets.at(-1)?.label ?? ""} />
                </div>
                <div className="mt-0.5">
                  <ChangeIndicator kind="count" current={factor.incidents} previous={factor.previousIncidents} />
                </div>
              </li>
            ))}
          </ol>
        </>
      }
      table="factors"
    />
  );
}
