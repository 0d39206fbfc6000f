"use client";
import { useEffect, useRef, useState } from "react";
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { SEVERITIES, SEVERITY_INFO, type Severity } from "@/lib/severity";
import { ChartTooltip, legendText } from "./chart-tooltip";
import { SEVERITY_COLORS, axisLabelStyle, axisTick, chartBoxClass, gridProps, countYAxisProps } from "./chart-theme";

/** `label` names the bin in full (tooltip, table), `axis` briefly (x axis). */
export type HistogramRow = { label: string; axis: string } & Record<Severity, number>;

/** How many incidents of each severity fall in each duration bin: grouped bars, one colour per severity. */
export function DurationHistogram({ rows, what, severities }: { rows: HistogramRow[]; what: string; severities: Severity[] }) {
  const shown = severities.length ? SEVERITIES.filter((s) => severities.includes(s)) : SEVERITIES;
  // Nine bin labels side by side need about 40 px each; on a narrow chart they are slanted instead.
  const box = useRef<HTMLDivElement>(null);
  const [narrow, setNarrow] = useState(false);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setNarrow(entry.contentRect.width < rows.length * 40 + 60);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [rows.length]);
  return (
    <div ref={box} className={chartBoxClass}>
      <BarChart responsive style={{ width: "100%", height: narrow ? 264 : 240 }} data={rows} margin={{ top: 8, right: 8, bottom: 20, left: 0 }} title={`Incidents by ${what}, per severity`}>
        <CartesianGrid {...gridProps} />
        <XAxis
          dataKey="axis"
          tick={axisTick}
          stroke="currentColor"
          strokeOpacity={0.4}
          interval={0}
          angle={narrow ? -45 : 0}
          textAnchor={narrow ? "end" : "middle"}
          height={narrow ? 58 : 34}
          label={{ value: what.charAt(0).toUpperCase() + what.slice(1), position: "insideBottom", offset: -12, style: axisLabelStyle }}
        />
        <YAxis {...countYAxisProps("Incidents")} />
        <Tooltip cursor={{ fill: "currentColor", fillOpacity: 0.08 }} content={<ChartTooltip title={(l) => `${what}: ${rows.find((r) => r.axis === l)?.label ?? String(l)}`} />} />
        <Legend verticalAlign="top" align="right" iconType="square" wrapperStyle={{ fontSize: 12, paddingBottom: 8 }} formatter={legendText} />
        {shown.map((s) => (
          <Bar key={s} dataKey={s} name={`${s} ${SEVERITY_INFO[s].label}`} fill={SEVERITY_COLORS[s]} stroke="var(--chart-gap, #fff)" strokeWidth={0.5} isAnimationActive={false} />
        ))}
      </BarChart>
    </div>
  );
}
