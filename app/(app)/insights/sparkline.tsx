"use client";
import { Line, LineChart, YAxis } from "recharts";
import { SERIES_COLORS } from "./chart-theme";

/** A tiny trend line without axes; the numbers are in the card's data table. */
export function Sparkline({ values, max }: { values: number[]; max: number }) {
  const data = values.map((value, i) => ({ i, value }));
  return (
    <LineChart width={96} height={28} data={data} margin={{ top: 3, right: 2, bottom: 3, left: 2 }} accessibilityLayer={false} aria-hidden>
      <YAxis hide domain={[0, Math.max(1, max)]} />
      <Line type="monotone" dataKey="value" stroke={SERIES_COLORS.line} strokeWidth={1.75} dot={false} isAnimationActive={false} />
    </LineChart>
  );
}
