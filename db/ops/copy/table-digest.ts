// The per-table checksum printed and compared for both sides of a copy.
import { createHash } from "node:crypto";

const MODULUS = 1n << 256n;

/**
 * Row count and checksum of a table: SHA-256 of each row (its values in canonical text, in column
 * order, as a JSON array), summed modulo 2^256. The sum does not depend on row order, so SQLite
 * and PostgreSQL are each read in whatever order is cheapest and no collation can make them differ;
 * any changed, missing or extra row changes it.
 */
export class TableDigest {
  rows = 0;
  private sum = 0n;

  add(values: readonly (string | null)[]) {
    const hash = createHash("sha256").update(JSON.stringify(values)).digest("hex");
    this.sum = (this.sum + BigInt(`0x${hash}`)) % MODULUS;
    this.rows += 1;
  }

  /** The checksum as 64 hex digits. */
  hex(): string {
    return this.sum.toString(16).padStart(64, "0");
  }
}

export type TableSummary = { rows: number; checksum: string };

export type TableComparison = { table: string; source: TableSummary; target: TableSummary; matches: boolean };

export const summarize = (digest: TableDigest): TableSummary => ({ rows: digest.rows, checksum: digest.hex() });

/** Each table's counts and checksums side by side; a table missing on one side counts as 0 rows there. */
export function compareTables(source: ReadonlyMap<string, TableSummary>, target: ReadonlyMap<string, TableSummary>): TableComparison[] {
  const empty = summarize(new TableDigest());
  const tables = [...new Set([...source.keys(), ...target.keys()])];
  return tables.map((table) => {
    const s = source.get(table) ?? empty;
    const t = target.get(table) ?? empty;
    return { table, source: s, target: t, matches: s.rows === t.rows && s.checksum === t.checksum };
  });
}
