// The order tables are filled in so every foreign key finds its row, from the schema's foreign keys.
import { CopyRefused } from "./copy-errors";

export type ForeignKey = { columns: string[]; refTable: string };
export type OrderedTable = { name: string; foreignKeys: ForeignKey[]; requiredColumns: ReadonlySet<string> };

export type CopyOrder = {
  /** Referenced tables before the tables that reference them. */
  order: string[];
  /**
   * Columns inserted as NULL and set once every table is filled: the foreign keys of a
   * self-reference or a cycle, which no table order can satisfy row by row.
   */
  deferred: Map<string, string[]>;
};

/**
 * Kahn's algorithm over the foreign keys (alphabetical among tables that are ready, so the
 * order is stable). A self-reference, and one table's references in each cycle, are deferred;
 * that needs their columns to be nullable, else the copy is refused.
 */
export function planCopyOrder(tables: readonly OrderedTable[]): CopyOrder {
  const known = new Set(tables.map((t) => t.name));
  const deferred = new Map<string, string[]>();
  const defer = (table: OrderedTable, fk: ForeignKey, why: string) => {
    const required = fk.columns.filter((c) => table.requiredColumns.has(c));
    if (required.length) throw new CopyRefused(`cannot order table ${table.name}: ${why} through required column ${required.join(", ")}`);
    deferred.set(table.name, [...new Set([...(deferred.get(table.name) ?? []), ...fk.columns])]);
  };

  const pending = new Map<string, Set<string>>();
  for (const table of tables) {
    const deps = new Set<string>();
    for (const fk of table.foreignKeys) {
      if (fk.refTable === table.name) defer(table, fk, "it references itself");
      else if (known.has(fk.refTable)) deps.add(fk.refTable);
    }
    pending.set(table.name, deps);
  }

  const order: string[] = [];
  while (pending.size > 0) {
    const ready = [...pending].filter(([, deps]) => deps.size === 0).map(([name]) => name);
    if (ready.length === 0) {
      breakCycle(tables, pending, defer);
      continue;
    }
    for (const name of ready.sort()) {
      order.push(name);
      pending.delete(name);
      for (const deps of pending.values()) deps.delete(name);
    }
  }
  return { order, deferred };
}

/** Defers the waiting references of the first (alphabetical) table on a cycle whose waiting references are all nullable. */
function breakCycle(tables: readonly OrderedTable[], pending: Map<string, Set<string>>, defer: (t: OrderedTable, fk: ForeignKey, why: string) => void) {
  const waiting = tables.filter((t) => pending.has(t.name) && onCycle(t.name, pending)).sort((a, b) => a.name.localeCompare(b.name));
  const blocking = (t: OrderedTable) => t.foreignKeys.filter((fk) => pending.get(t.name)!.has(fk.refTable));
  const breakable = waiting.find((t) => blocking(t).every((fk) => fk.columns.every((c) => !t.requiredColumns.has(c))));
  if (!breakable) throw new CopyRefused(`cannot order tables ${waiting.map((t) => t.name).join(", ")}: their foreign keys form a cycle of required columns`);
  for (const fk of blocking(breakable)) defer(breakable, fk, `a cycle with ${fk.refTable}`);
  pending.get(breakable.name)!.clear();
}

function onCycle(start: string, pending: Map<string, Set<string>>): boolean {
  const seen = new Set<string>();
  const stack = [...pending.get(start)!];
  while (stack.length) {
    const name = stack.pop()!;
    if (name === start) return true;
    if (seen.has(name)) continue;
    seen.add(name);
    stack.push(...(pending.get(name) ?? []));
  }
  return false;
}
