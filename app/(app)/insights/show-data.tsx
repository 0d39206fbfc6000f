"use client";
import { useId, useState } from "react";
import { ChevronRight } from "lucide-react";
import { DataTable, type TableData } from "./data-table";

/**
 * "Show data": the chart's numbers as tables, rendered only once opened. A page of a dozen
 * figures would otherwise ship every table in its HTML, hidden, for the few who open one.
 */
export function ShowData({ tables, label }: { tables: TableData[]; label: string }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <div className="mt-3 text-sm">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={id}
        aria-label={`${open ? "Hide" : "Show"} data: ${label}`}
        onClick={() => setOpen((o) => !o)}
        className="inline-flex items-center gap-0.5 rounded-sm text-xs font-medium text-blue-700 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 dark:text-blue-400"
      >
        <ChevronRight aria-hidden className={`h-3.5 w-3.5 transition-transform ${open ? "rotate-90" : ""}`} />
        {open ? "Hide data" : "Show data"}
      </button>
      <div id={id} hidden={!open}>
        {open ? (
          <div className="mt-2 max-h-80 overflow-auto rounded border border-zinc-200 dark:border-zinc-800">
            {tables.map((table) => (
              <DataTable key={table.caption} {...table} />
            ))}
          </div>
        ) : null}
      </div>
    </div>
  );
}
