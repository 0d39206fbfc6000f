"use client";
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { ChartTooltip, legendText } from "./chart-tooltip";
import { SERIES_COLORS, axisLabelStyle, axisTick, chartBoxClass } from "./chart-theme";

export type ResponderRow = { name: string; inHours: number; outOfHours: number };

/** Incidents per person, split into declared in working hours and out of hours (stacked, horizontal). */
export function RespondersChart({ rows }: { rows: ResponderRow[] }) {
  const height = 70 + rows.length * 28;
  return (
    <div className={chartBoxClass}>
      <BarChart
        responsive
        layout="vertical"
        style={{ width: "100%", height }}
        data={rows}
        margin={{ top: 4, right: 12, bottom: 20, left: 0 }}
        title="Incidents per person, in and out of hours"
      >
        <CartesianGrid stroke="currentColor" strokeOpacity={0.15} horizontal={false} />
        <XAxis
          type="number"
          allowDecimals={false}
          tick={axisTick}
          stroke="currentColor"
          strokeOpacity={0.4}
          label={{ value: "Incidents with a role", position: "insideBottom", offset: -12, style: axisLabelStyle }}
        />
        <YAxis type="category" dataKey="name" tick={axisTick} stroke="currentColor" strokeOpacity={0.4} width={124} interval={0} />
        <Tooltip cursor={{ fill: "currentColor", fillOpacity: 0.08 }} content={<ChartTooltip />} />
        <Legend verticalAlign="top" align="right" iconType="square" wrapperStyle={{ fontSize: 12, paddingBottom: 4 }} formatter={legendText} />
        <Bar dataKey="inHours" name="In working hours" stackId="load" fill={SERIES_COLORS.primary} isAnimationActive={false} />
        <Bar dataKey="outOfHours" name="Out of hours" stackId="load" fill={SERIES_COLORS.late} isAnimationActive={false} />
      </BarChart>
    </div>
  );
}
