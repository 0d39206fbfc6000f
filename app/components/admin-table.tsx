import { cardClass } from "@/app/components/ui";
import { tableClass, tbodyClass, thClass, theadClass } from "@/app/(app)/admin/table-classes";

export type Column = string | { label: React.ReactNode; key: string; className?: string };

type TableProps = {
  /** Column headings, left to right (a string, or a label with extra header classes). */
  columns: readonly Column[];
  /** A last, right-aligned "Actions" column: its heading shown, or for screen readers only. */
  actions?: "shown" | "sr-only";
  /** The rows (<tr> elements). */
  children: React.ReactNode;
};

/** A table on wide screens, a two-column card per row on phones (see table-classes.ts). */
export function AdminTable({ columns, actions, children }: TableProps) {
  return (
    <table className={tableClass}>
      <thead className={theadClass}>
        <tr>
          {columns.map((c) => (
            <th key={typeof c === "string" ? c : c.key} scope="col" className={typeof c === "string" || !c.className ? thClass : `${thClass} ${c.className}`}>
              {typeof c === "string" ? c : c.label}
            </th>
          ))}
          {actions ? (
            <th scope="col" className={`${thClass} text-right`}>
              {actions === "shown" ? "Actions" : <span className="sr-only">Actions</span>}
            </th>
          ) : null}
        </tr>
      </thead>
      <tbody className={tbodyClass}>{children}</tbody>
    </table>
  );
}

type SectionProps = {
  /** The id of the (visually hidden) heading naming the table. */
  titleId: string;
  title: React.ReactNode;
  /** Shown instead of the table when there are no rows. */
  empty?: React.ReactNode;
  isEmpty?: boolean;
  /** Empty-state padding: roomy (a first-use hint) or compact. */
  emptySize?: "roomy" | "compact";
  /** Shown between the heading and the table (a count, a notice). */
  before?: React.ReactNode;
  children: React.ReactNode;
};

/** The card holding an admin or list table: a hidden heading, then the table or its empty state. */
export function TableSection({ titleId, title, empty, isEmpty = false, emptySize = "roomy", before, children }: SectionProps) {
  return (
    <section aria-labelledby={titleId} className={`${cardClass} overflow-hidden`}>
      <h2 id={titleId} className="sr-only">
        {title}
      </h2>
      {before}
      {isEmpty ? <p className={`${emptySize === "roomy" ? "px-4 py-10" : "p-6"} text-center text-sm text-zinc-500`}>{empty}</p> : children}
    </section>
  );
}
