"use client";
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import type { InsightsReport } from "@/lib/insights/types";
import { ChartTooltip, legendText } from "./chart-tooltip";
import { SERIES_COLORS, chartBoxClass, gridProps, bucketXAxisProps, countYAxisProps } from "./chart-theme";

type Rows = InsightsReport["postmortems"]["byBucket"];

/** Postmortems required and published per bucket, side by side. */
export function PostmortemChart({ rows, bucket }: { rows: Rows; bucket: "week" | "month" }) {
  return (
    <div className={chartBoxClass}>
      <BarChart
        responsive
        style={{ width: "100%", height: 230 }}
        data={rows}
        margin={{ top: 8, right: 8, bottom: 20, left: 0 }}
        title={`Postmortems required and published per ${bucket}`}
      >
        <CartesianGrid {...gridProps} />
        <XAxis {...bucketXAxisProps(bucket === "week" ? "Week the incident started" : "Month the incident started")} />
        <YAxis {...countYAxisProps("Postmortems")} />
        <Tooltip cursor={{ fill: "currentColor", fillOpacity: 0.08 }} content={<ChartTooltip />} />
        <Legend verticalAlign="top" align="right" iconType="square" wrapperStyle={{ fontSize: 12, paddingBottom: 8 }} formatter={legendText} />
        <Bar dataKey="required" name="Required" fill={SERIES_COLORS.muted} isAnimationActive={false} />
        <Bar dataKey="published" name="Published" fill={SERIES_COLORS.primary} isAnimationActive={false} />
      </BarChart>
    </div>
  );
}
