"use client";
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { SEVERITIES, SEVERITY_INFO } from "@/lib/severity";
import type { InsightsReport } from "@/lib/insights/types";
import { ChartTooltip, legendText } from "./chart-tooltip";
import { SEVERITY_COLORS, chartBoxClass, gridProps, bucketXAxisProps, countYAxisProps } from "./chart-theme";

type Data = InsightsReport["incidentsOverTime"];

/** Incidents started per week or month, stacked by severity (SEV1 at the bottom). */
export function IncidentsOverTimeChart({ data }: { data: Data }) {
  return (
    <div className={chartBoxClass}>
      <BarChart
        responsive
        style={{ width: "100%", height: 260 }}
        data={data.rows}
        margin={{ top: 8, right: 8, bottom: 20, left: 0 }}
        title={`Incidents per ${data.bucket}, stacked by severity`}
      >
        <CartesianGrid {...gridProps} />
        <XAxis {...bucketXAxisProps(data.bucket === "week" ? "Week starting" : "Month")} />
        <YAxis {...countYAxisProps("Incidents")} />
        <Tooltip
          cursor={{ fill: "currentColor", fillOpacity: 0.08 }}
          content={<ChartTooltip title={(l) => `${data.bucket === "week" ? "Week of" : ""} ${String(l)}`.trim()} />}
        />
        <Legend verticalAlign="top" align="right" iconType="square" wrapperStyle={{ fontSize: 12, paddingBottom: 8 }} formatter={legendText} />
        {SEVERITIES.map((s) => (
          <Bar
            key={s}
            dataKey={s}
            name={`${s} ${SEVERITY_INFO[s].label}`}
            stackId="severity"
            fill={SEVERITY_COLORS[s]}
            stroke="var(--chart-gap, #fff)"
            strokeWidth={0.5}
            isAnimationActive={false}
          />
        ))}
      </BarChart>
    </div>
  );
}
