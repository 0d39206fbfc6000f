"use client";
import { useEffect, useRef, useState } from "react";
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { SEVERITIES, SEVERITY_INFO, type Severity } from "@/lib/severity";
import { ChartTooltip, legendText } from "./chart-tooltip";
import { SEVERITY_COLORS, axisLabelStyle, axisTick, chartBoxClass, gridProps, countYAxisProps } from "./chart-theme";

/** `label` names the bin in full (tooltip, table), `axis` briefly on one line, `lines` on two (range over unit). */
export type HistogramRow = { label: string; axis: string; lines: [string, string] } & Record<Severity, number>;

/** A bin's two-line tick: "15–30" over "min", centred under its bars. */
function BinTick({ x, y, payload, rows }: { x?: number | string; y?: number | string; payload?: { value?: unknown }; rows: HistogramRow[] }) {
  const lines = rows.find((r) => r.axis === payload?.value)?.lines ?? [String(payload?.value ?? ""), ""];
  return (
    <text x={Number(x)} y={Number(y)} textAnchor="middle" fill="currentColor" fontSize={11}>
      {/* The spaces keep the labels apart when the axis is read as text ("15–30 min 30–60 min"), not "15–30m30m–1h". */}
      <tspan x={Number(x)} dy="0.9em">
        {`${lines[0]} `}
      </tspan>
      <tspan x={Number(x)} dy="1.2em" fillOpacity={0.8}>
        {`${lines[1]} `}
      </tspan>
    </text>
  );
}

/** How many incidents of each severity fall in each duration bin: grouped bars, one colour per severity. */
export function DurationHistogram({ rows, what, severities }: { rows: HistogramRow[]; what: string; severities: Severity[] }) {
  const shown = severities.length ? SEVERITIES.filter((s) => severities.includes(s)) : SEVERITIES;
  // Nine two-line bin labels side by side need about 36 px each; on a narrower chart they are slanted instead.
  const box = useRef<HTMLDivElement>(null);
  const [narrow, setNarrow] = useState(false);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setNarrow(entry.contentRect.width < rows.length * 36 + 50);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [rows.length]);
  return (
    <div ref={box} className={chartBoxClass}>
      <BarChart
        responsive
        style={{ width: "100%", height: narrow ? 264 : 250 }}
        data={rows}
        margin={{ top: 8, right: 8, bottom: 20, left: 0 }}
        title={`Incidents by ${what}, per severity`}
      >
        <CartesianGrid {...gridProps} />
        <XAxis
          dataKey="axis"
          tick={narrow ? axisTick : (props: { x?: number | string; y?: number | string; payload?: { value?: unknown } }) => <BinTick {...props} rows={rows} />}
          stroke="currentColor"
          strokeOpacity={0.4}
          interval={0}
          angle={narrow ? -45 : 0}
          textAnchor={narrow ? "end" : "middle"}
          height={narrow ? 58 : 44}
          label={{ value: what.charAt(0).toUpperCase() + what.slice(1), position: "insideBottom", offset: -12, style: axisLabelStyle }}
        />
        <YAxis {...countYAxisProps("Incidents")} />
        <Tooltip
          cursor={{ fill: "currentColor", fillOpacity: 0.08 }}
          content={<ChartTooltip title={(l) => `${what}: ${rows.find((r) => r.axis === l)?.label ?? String(l)}`} />}
        />
        <Legend verticalAlign="top" align="right" iconType="square" wrapperStyle={{ fontSize: 12, paddingBottom: 8 }} formatter={legendText} />
        {shown.map((s) => (
          <Bar
            key={s}
            dataKey={s}
            name={`${s} ${SEVERITY_INFO[s].label}`}
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
