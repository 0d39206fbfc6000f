"use client";
import { Bar, CartesianGrid, ComposedChart, Legend, Line, Tooltip, XAxis, YAxis } from "recharts";
import type { InsightsReport } from "@/lib/insights/types";
import { ChartTooltip, legendText } from "./chart-tooltip";
import { SERIES_COLORS, axisLabelStyle, axisTick, chartBoxClass, gridProps, bucketXAxisProps, countYAxisProps } from "./chart-theme";

type Rows = InsightsReport["actionItems"]["byBucket"];

/** Action items opened and closed per bucket (bars, left axis) and the open backlog at each bucket's end (line, right axis). */
export function ActionItemsChart({ rows, bucket }: { rows: Rows; bucket: "week" | "month" }) {
  return (
    <div className={chartBoxClass}>
      <ComposedChart
        responsive
        style={{ width: "100%", height: 230 }}
        data={rows}
        margin={{ top: 8, right: 0, bottom: 20, left: 0 }}
        title={`Action items opened and closed per ${bucket}, and the open backlog`}
      >
        <CartesianGrid {...gridProps} />
        <XAxis {...bucketXAxisProps(bucket === "week" ? "Week starting" : "Month")} />
        <YAxis yAxisId="flow" {...countYAxisProps(`Items per ${bucket}`)} />
        <YAxis
          yAxisId="backlog"
          orientation="right"
          allowDecimals={false}
          tick={axisTick}
          stroke="currentColor"
          strokeOpacity={0.4}
          width={44}
          label={{ value: "Open backlog", angle: 90, position: "insideRight", offset: 10, style: { ...axisLabelStyle, textAnchor: "middle" } }}
        />
        <Tooltip cursor={{ fill: "currentColor", fillOpacity: 0.08 }} content={<ChartTooltip />} />
        <Legend verticalAlign="top" align="right" iconType="square" wrapperStyle={{ fontSize: 12, paddingBottom: 8 }} formatter={legendText} />
        <Bar yAxisId="flow" dataKey="opened" name="Opened" fill={SERIES_COLORS.muted} isAnimationActive={false} />
        <Bar yAxisId="flow" dataKey="closed" name="Closed" fill={SERIES_COLORS.secondary} isAnimationActive={false} />
        <Line
          yAxisId="backlog"
          type="monotone"
          dataKey="backlog"
          name="Open backlog (right axis)"
          stroke={SERIES_COLORS.line}
          strokeWidth={2}
          dot={{ r: 2 }}
          isAnimationActive={false}
        />
      </ComposedChart>
    </div>
  );
}
