import { BarChart3 } from "lucide-react";
import { METRIC_DEFINITIONS, type MetricKey } from "@/lib/insights/definitions";
import { cardClass } from "@/app/components/ui";
import { DefinitionTip } from "./definition-tip";

/**
 * One figure: its name with a definition, what it covers, the chart, and a "Show data"
 * disclosure with the same numbers as a table. Without data it says so in words.
 */
export function ChartCard({
  id,
  title,
  metric,
  coverage,
  empty,
  chart,
  table,
  footer,
  className = "",
}: {
  id: string;
  title: string;
  metric: MetricKey;
  coverage?: React.ReactNode;
  /** The sentence shown instead of the chart when there is nothing to draw. */
  empty?: string | null;
  chart: React.ReactNode;
  table?: React.ReactNode;
  footer?: React.ReactNode;
  className?: string;
}) {
  const { label, definition } = METRIC_DEFINITIONS[metric];
  return (
    <section aria-labelledby={`${id}-title`} className={`${cardClass} flex min-w-0 flex-col p-4 ${className}`}>
      <div className="relative flex items-start gap-1">
        <h3 id={`${id}-title`} className="font-semibold">
          {title}
        </h3>
        <span className="mt-0.5">
          <DefinitionTip label={label} definition={definition} />
        </span>
      </div>
      {coverage ? <p className="mt-0.5 text-xs text-zinc-500 dark:text-zinc-400">{coverage}</p> : null}
      {empty ? (
        <div className="flex flex-1 flex-col items-center justify-center px-4 py-10 text-center">
          <BarChart3 aria-hidden className="h-7 w-7 text-zinc-300 dark:text-zinc-600" />
          <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">{empty}</p>
        </div>
      ) : (
        <>
          <div className="mt-3 min-w-0">{chart}</div>
          {table ? (
            <details className="mt-3 text-sm">
              <summary className="cursor-pointer text-xs font-medium text-blue-700 hover:underline dark:text-blue-400">Show data</summary>
              <div className="mt-2 max-h-80 overflow-auto rounded border border-zinc-200 dark:border-zinc-800">{table}</div>
            </details>
          ) : null}
        </>
      )}
      {footer && !empty ? <div className="mt-3">{footer}</div> : null}
    </section>
  );
}

export type Column = { label: string; numeric?: boolean };

/** A plain table of a chart's numbers, for screen readers and anyone who wants the figures. */
export function DataTable({ caption, columns, rows, visibleCaption = false }: { caption: string; columns: Column[]; rows: React.ReactNode[][]; visibleCaption?: boolean }) {
  return (
    <table className="w-full text-left text-xs tabular-nums">
      <caption className={visibleCaption ? "px-2 pt-2 pb-1 text-left text-xs font-semibold" : "sr-only"}>{caption}</caption>
      <thead className="sticky top-0 bg-zinc-50 dark:bg-zinc-900">
        <tr>
          {columns.map((c) => (
            <th key={c.label} scope="col" className={`px-2 py-1 font-semibold whitespace-nowrap ${c.numeric ? "text-right" : ""}`}>
              {c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, r) => (
          <tr key={r} className="border-t border-zinc-100 dark:border-zinc-800">
            {row.map((cell, c) =>
              c === 0 ? (
                <th key={c} scope="row" className="px-2 py-1 font-normal whitespace-nowrap">
                  {cell}
                </th>
              ) : (
                <td key={c} className={`px-2 py-1 ${columns[c]?.numeric ? "text-right" : ""}`}>
                  {cell}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
