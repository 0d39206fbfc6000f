"use client";
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { durationTicks } from "@/lib/insights/duration-axis";
import { formatSeconds, formatSecondsCompact } from "@/lib/insights/format";
import type { InsightsReport } from "@/lib/insights/types";
import { ChartTooltip, legendText } from "./chart-tooltip";
import { SERIES_COLORS, axisLabelStyle, axisTick, bucketXAxisProps, chartBoxClass, gridProps } from "./chart-theme";

type Trend = InsightsReport["durationTrend"];

/** Each metric one colour; the median a solid line, the p90 a dashed one (the legend says which). */
const SERIES = [
  { key: "mitigateMedian", name: "Mitigate median", color: SERIES_COLORS.primary, dash: undefined },
  { key: "mitigateP90", name: "Mitigate p90", color: SERIES_COLORS.primary, dash: "6 4" },
  { key: "resolveMedian", name: "Resolve median", color: SERIES_COLORS.secondary, dash: undefined },
  { key: "resolveP90", name: "Resolve p90", color: SERIES_COLORS.secondary, dash: "6 4" },
] as const;

/** Median and p90 time to mitigate and resolve per week or month: are incidents getting shorter? */
export function DurationTrendChart({ trend }: { trend: Trend }) {
  const rows = trend.points.map((p) => ({
    label: p.label,
    mitigateMedian: p.mitigate.median,
    mitigateP90: p.mitigate.p90,
    resolveMedian: p.resolve.median,
    resolveP90: p.resolve.p90,
  }));
  const ticks = durationTicks(Math.max(0, ...rows.flatMap((r) => [r.mitigateP90 ?? 0, r.resolveP90 ?? 0])));
  const title = (label: unknown) => {
    const p = trend.points.find((x) => x.label === label);
    const when = trend.bucket === "week" ? `Week of ${String(label)}` : String(label);
    return p ? `${when} · n = ${p.mitigate.incidents} mitigated, ${p.resolve.incidents} resolved` : when;
  };
  return (
    <div className={chartBoxClass}>
      <LineChart
        responsive
        style={{ width: "100%", height: 280 }}
        data={rows}
        margin={{ top: 8, right: 12, bottom: 20, left: 4 }}
        title={`Median and p90 time to mitigate and to resolve per ${trend.bucket}`}
      >
        <CartesianGrid {...gridProps} />
        <XAxis {...bucketXAxisProps(trend.bucket === "week" ? "Week starting" : "Month")} />
        <YAxis
          ticks={ticks}
          domain={[0, ticks.at(-1) ?? 0]}
          tickFormatter={(v: number) => (v === 0 ? "0" : formatSecondsCompact(v))}
          tick={axisTick}
          stroke="currentColor"
          strokeOpacity={0.4}
          width={52}
          label={{ value: "Duration", angle: -90, position: "insideLeft", offset: 8, style: { ...axisLabelStyle, textAnchor: "middle" } }}
        />
        <Tooltip content={<ChartTooltip format={formatSeconds} title={title} />} />
        <Legend verticalAlign="top" align="right" iconType="plainline" wrapperStyle={{ fontSize: 12, paddingBottom: 8 }} formatter={legendText} />
        {SERIES.map((s) => (
          <Line
            key={s.key}
            dataKey={s.key}
            name={s.name}
            stroke={s.color}
            strokeWidth={2}
            strokeDasharray={s.dash}
            dot={{ r: 2.5, strokeWidth: 0, fill: s.color }}
            activeDot={{ r: 4 }}
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </div>
  );
}
