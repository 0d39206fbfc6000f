import Link from "next/link";
export type Column = { label: string; numeric?: boolean };
/** A value, or a value that links to its page (an incident, a service). */
export type Cell = string | number | { text: string; href: string };

/** A chart's numbers as plain values: what "Show data" fetches from the server when opened. */
export type TableData = { caption: string; columns: Column[]; rows: Cell[][]; visibleCaption?: boolean };

function CellValue({ cell }: { cell: Cell }) {
  if (typeof cell !== "object") return cell;
  return (
    <Link href={cell.href} className="text-blue-700 hover:underline dark:text-blue-400">
      {cell.text}
    </Link>
  );
}

/** A plain table of a chart's numbers, for screen readers and anyone who wants the figures. */
export function DataTable({ caption, columns, rows, visibleCaption = false }: TableData) {
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
                  <CellValue cell={cell} />
                </th>
              ) : (
                <td key={c} className={`px-2 py-1 ${columns[c]?.numeric ? "text-right whitespace-nowrap" : ""}`}>
                  <CellValue cell={cell} />
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
