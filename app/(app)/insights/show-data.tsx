"use client";
import { useId, useState } from "react";
import { useSearchParams } from "next/navigation";
import { ChevronRight } from "lucide-react";
import { useServerAction } from "@/app/components/use-server-action";
import { loadInsightsTableAction } from "./actions";
import { DataTable, type TableData } from "./data-table";
import type { InsightsTableId } from "./table-ids";

/**
 * "Show data": a figure's numbers as tables, fetched from the server when first opened. The
 * page itself carries only the charts: on two years of history the tables (and the props
 * behind them) were most of its HTML, for the few who open one.
 */
export function ShowData({
  table,
  label,
  text = "Show data",
  hideText = "Hide data",
}: {
  table: InsightsTableId;
  label: string;
  text?: string;
  hideText?: string;
}) {
  const [open, setOpen] = useState(false);
  const [tables, setTables] = useState<TableData[] | null>(null);
  const action = useServerAction({ refresh: false });
  const search = useSearchParams().toString();
  const id = useId();

  function toggle() {
    const next = !open;
    setOpen(next);
    if (next && !tables && !action.isBusy()) {
      void action.run(() => loadInsightsTableAction(table, search), { onSuccess: setTables });
    }
  }

  return (
    <div className="mt-3 text-sm">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={id}
        aria-label={`${open ? hideText : text}: ${label}`}
        onClick={toggle}
        className="inline-flex items-center gap-0.5 rounded-sm text-xs font-medium text-blue-700 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 dark:text-blue-400"
      >
        <ChevronRight aria-hidden className={`h-3.5 w-3.5 transition-transform ${open ? "rotate-90" : ""}`} />
        {open ? hideText : text}
      </button>
      <div id={id} hidden={!open} aria-busy={open && action.pending}>
        {open && tables ? (
          <div className="mt-2 max-h-80 overflow-auto rounded border border-zinc-200 dark:border-zinc-800">
            {tables.map((t) => (
              <DataTable key={t.caption} {...t} />
            ))}
          </div>
        ) : null}
        {open && action.pending ? <p className="mt-2 text-xs text-zinc-500 dark:text-zinc-400">Loading the figures…</p> : null}
        {open && action.message ? (
          <p role="alert" className="mt-2 text-xs text-red-700 dark:text-red-400">
            The figures could not be loaded: {action.message}{" "}
            <button type="button" className="underline" onClick={() => void action.run(() => loadInsightsTableAction(table, search), { onSuccess: setTables })}>
              Try again
            </button>
          </p>
        ) : null}
      </div>
    </div>
  );
}
