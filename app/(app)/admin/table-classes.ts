// A table on wide screens, a two-column card per row on phones: one DOM, so every control exists once.
export const tableClass = "block w-full text-left text-sm md:table";
export const theadClass =
  "hidden border-b border-zinc-200 bg-zinc-50 text-xs font-semibold tracking-wide text-zinc-500 uppercase md:table-header-group dark:border-zinc-800 dark:bg-zinc-900/60";
export const thClass = "px-3 py-2 font-semibold whitespace-nowrap";
export const tbodyClass = "block md:table-row-group";
export const trClass = "grid grid-cols-2 gap-x-4 gap-y-2.5 border-t border-zinc-200 px-3 py-3 first:border-t-0 md:table-row md:p-0 dark:border-zinc-800";
export const tdClass = "flex min-w-0 flex-col items-start gap-0.5 md:table-cell md:px-3 md:py-2.5 md:align-middle";
/** A cell that takes the card's full width on phones (names, actions). */
export const tdWideClass = `${tdClass} col-span-2`;
/** The column name, shown above the value on phones only. */
export const cellLabelClass = "text-xs font-medium text-zinc-500 md:hidden";
/** Like cellLabelClass, but kept for screen readers on wide screens: for a <label> of a control in the row. */
export const cellControlLabelClass = "text-xs font-medium text-zinc-500 md:sr-only";
/** The row below a row, for its inline form or confirmation. */
export const panelRowClass = "block md:table-row";
export const panelCellClass = "block px-3 pb-3 md:table-cell";
