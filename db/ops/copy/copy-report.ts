// What `npm run db:copy` prints: a row per table with both sides' counts and checksums, then a summary.
import type { TableComparison } from "./table-digest";

const SHOWN_DIGITS = 16;

/** A fixed-width table: table, SQLite rows, PostgreSQL rows, both checksums (first 16 hex digits), ok/MISMATCH. */
export function formatComparison(tables: readonly TableComparison[]): string {
  const header = ["table", "SQLite rows", "PostgreSQL rows", "SQLite checksum", "PostgreSQL checksum", ""];
  const lines = tables.map((t) => [
    t.table,
    t.source.rows.toLocaleString("en-US"),
    t.target.rows.toLocaleString("en-US"),
    t.source.checksum.slice(0, SHOWN_DIGITS),
    t.target.checksum.slice(0, SHOWN_DIGITS),
    t.matches ? "ok" : "MISMATCH",
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const numeric = [false, true, true, false, false, false];
  const format = (cells: string[]) =>
    cells
      .map((cell, i) => (numeric[i] ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd();
  return [format(header), ...lines.map(format)].join("\n");
}

/** The mismatched tables, each with what differs. */
export function describeMismatches(tables: readonly TableComparison[]): string[] {
  return tables
    .filter((t) => !t.matches)
    .map((t) =>
      t.source.rows !== t.target.rows
        ? `${t.table}: ${t.source.rows} rows in SQLite, ${t.target.rows} in PostgreSQL`
        : `${t.table}: same row count (${t.source.rows}) but different contents (checksum ${t.source.checksum.slice(0, SHOWN_DIGITS)}… in SQLite, ${t.target.checksum.slice(0, SHOWN_DIGITS)}… in PostgreSQL)`,
    );
}
