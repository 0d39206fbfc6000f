// A table on wide screens, a stack of cards on phones: one DOM, so every control exists once.
export const tableClass = "block w-full text-left text-sm md:table";
export const theadClass =
  "hidden border-b border-zinc-200 bg-zinc-50 text-xs font-semibold tracking-wide text-zinc-500 uppercase md:table-header-group dark:border-zinc-800 dark:bg-zinc-900/60";
export const thClass = "px-3 py-2 font-semibold whitespace-nowrap";
export const tbodyClass = "block md:table-row-group";
export const trClass = "block border-t border-zinc-200 px-3 py-3 first:border-t-0 md:table-row md:p-0 dark:border-zinc-800";
export const tdClass = "flex items-start gap-2 py-1 md:table-cell md:px-3 md:py-2.5 md:align-middle";
/** The column name, shown in front of the value on phones only. */
export const cellLabelClass = "w-24 shrink-0 text-xs font-medium text-zinc-500 md:hidden";
/** Like cellLabelClass, but kept for screen readers on wide screens: for a <label> of a control in the row. */
export const cellControlLabelClass = "w-24 shrink-0 text-xs font-medium text-zinc-500 md:sr-only";
