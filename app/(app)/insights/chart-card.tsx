import { BarChart3 } from "lucide-react";
import { METRIC_DEFINITIONS, type MetricKey } from "@/lib/insights/definitions";
import { cardClass } from "@/app/components/ui";
import { DefinitionTip } from "./definition-tip";
import { ShowData } from "./show-data";
import type { InsightsTableId } from "./table-ids";

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
  /** Which figure's numbers "Show data" loads from the server when it is opened. */
  table?: InsightsTableId;
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
          {table ? <ShowData label={title} table={table} /> : null}
        </>
      )}
      {footer && !empty ? <div className="mt-3">{footer}</div> : null}
    </section>
  );
}
