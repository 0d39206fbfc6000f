"use client";
import { Line, LineChart, YAxis } from "recharts";
import { SERIES_COLORS } from "./chart-theme";

/**
 * A tiny trend line with its scale written beside it: the top and bottom of the shared
 * axis (0 to `max`) on the left, the first and last period below. The exact numbers are in
 * the card's data table.
 */
export function Sparkline({ values, max, first, last, unit = "" }: { values: number[]; max: number; first: string; last: string; unit?: string }) {
  const data = values.map((value, i) => ({ i, value }));
  const top = Math.max(1, max);
  return (
    <div aria-hidden className="grid shrink-0 grid-cols-[auto_96px] gap-x-1 text-[10px] leading-none text-zinc-500 tabular-nums dark:text-zinc-400">
      <div className="flex h-7 flex-col justify-between py-px text-right">
        <span>
          {top}
          {unit}
        </span>
        <span>0</span>
      </div>
      <div className="h-7 border-b border-l border-zinc-300 dark:border-zinc-600">
        <LineChart width={96} height={27} data={data} margin={{ top: 3, right: 2, bottom: 1, left: 2 }} accessibilityLayer={false}>
          <YAxis hide domain={[0, top]} />
          <Line type="monotone" dataKey="value" stroke={SERIES_COLORS.line} strokeWidth={1.75} dot={false} isAnimationActive={false} />
        </LineChart>
      </div>
      <div className="col-start-2 mt-0.5 flex justify-between gap-1 whitespace-nowrap">
        <span>{first}</span>
        <span>{last}</span>
      </div>
    </div>
  );
}
