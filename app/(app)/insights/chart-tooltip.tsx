"use client";
import type { TooltipContentProps } from "recharts";

type Entry = { name?: string | number; value?: unknown; color?: string; dataKey?: unknown };

/** A tooltip in the app's colours (light and dark), values formatted by the chart. */
export function ChartTooltip({
  active,
  payload,
  label,
  format = (v) => String(v),
  title,
}: Partial<TooltipContentProps<number, string>> & { format?: (value: number) => string; title?: (label: unknown) => string }) {
  if (!active || !payload?.length) return null;
  const entries = payload as unknown as readonly Entry[];
  return (
    <div className="rounded-md border border-zinc-200 bg-white px-3 py-2 text-xs shadow-lg dark:border-zinc-700 dark:bg-zinc-800">
      <p className="mb-1 font-semibold text-zinc-900 dark:text-zinc-100">{title ? title(label) : String(label ?? "")}</p>
      <ul className="space-y-0.5">
        {entries.map((entry) => (
          <li key={String(entry.dataKey ?? entry.name)} className="flex items-center gap-2 text-zinc-700 dark:text-zinc-300">
            <span aria-hidden className="inline-block h-2.5 w-2.5 rounded-sm" style={{ background: entry.color }} />
            <span>{entry.name}</span>
            <span className="ml-auto pl-3 font-medium tabular-nums">{typeof entry.value === "number" ? format(entry.value) : String(entry.value ?? "")}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Legend labels in the text colour: series colours such as amber are unreadable as text. */
export function legendText(value: unknown) {
  return <span className="text-zinc-700 dark:text-zinc-300">{String(value)}</span>;
}
