import type { InsightsReport, TrendStats } from "@/lib/insights/types";
import { formatCount, formatSeconds } from "@/lib/insights/format";
import { ChartCard } from "./chart-card";
import { DurationTrendChart } from "./duration-trend-chart";

type Trend = InsightsReport["durationTrend"];

const sum = (points: Trend["points"], metric: "mitigate" | "resolve", key: keyof Pick<TrendStats, "incidents" | "missing">) =>
  points.reduce((total, p) => total + p[metric][key], 0);

/** The duration trend with its counts, and the same figures per bucket behind "Show data". */
export function DurationTrendFigure({ trend }: { trend: Trend }) {
  const { points } = trend;
  const counted = { mitigate: sum(points, "mitigate", "incidents"), resolve: sum(points, "resolve", "incidents") };
  const missing = { mitigate: sum(points, "mitigate", "missing"), resolve: sum(points, "resolve", "missing") };
  const left =
    missing.mitigate || missing.resolve
      ? ` · left out for a missing time: ${formatCount(missing.mitigate)} not mitigated, ${formatCount(missing.resolve)} not resolved`
      : "";
  return (
    <ChartCard
      id="duration-trend"
      title={`Time to mitigate and resolve per ${trend.bucket}`}
      metric="durationTrend"
      coverage={`n = ${formatCount(counted.mitigate)} mitigated, ${formatCount(counted.resolve)} resolved · by the ${trend.bucket} each incident started${left}`}
      empty={counted.mitigate + counted.resolve === 0 ? "No incident in this period has been mitigated or resolved yet." : null}
      chart={<DurationTrendChart trend={trend} />}
      table={{
        caption: `Median and p90 time to mitigate and resolve per ${trend.bucket}, with the incidents counted and left out`,
        columns: [
          { label: trend.bucket === "week" ? "Week starting" : "Month" },
          { label: "Mitigated (n)", numeric: true },
          { label: "Mitigate median", numeric: true },
          { label: "Mitigate p90", numeric: true },
          { label: "Not mitigated", numeric: true },
          { label: "Resolved (n)", numeric: true },
          { label: "Resolve median", numeric: true },
          { label: "Resolve p90", numeric: true },
          { label: "Not resolved", numeric: true },
        ],
        rows: points.map((p) => [
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
      }}
    />
  );
}
