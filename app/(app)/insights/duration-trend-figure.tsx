import type { InsightsReport, TrendStats } from "@/lib/insights/types";
import { formatCount } from "@/lib/insights/format";
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
      table="duration-trend"
    />
  );
}
