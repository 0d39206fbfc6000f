// How each value travels from SQLite to PostgreSQL, and the one text form both sides are checked in.
// A value is sent as text and cast by PostgreSQL to the column's type; the checksum of either side
// is computed from that same text form (SQLite: what we send; PostgreSQL: `column::text`).
import { ValueProblem } from "./copy-errors";

/** What a column holds, from its PostgreSQL type (the derived schema's mapping of the SQLite column). */
export type ColumnKind = "integer" | "boolean" | "json" | "real" | "text" | "bytes";

const KINDS: Record<string, ColumnKind> = {
  bigint: "integer",
  integer: "integer",
  smallint: "integer",
  boolean: "boolean",
  jsonb: "json",
  json: "json",
  "double precision": "real",
  real: "real",
  text: "text",
  bytea: "bytes",
};

/** The kind of a column of PostgreSQL type `type` (as format_type prints it), or null for a type the copy does not know. */
export function kindOfPgType(type: string): ColumnKind | null {
  return KINDS[type] ?? (type.startsWith("character varying") ? "text" : null);
}

/**
 * The text sent to PostgreSQL for a value read from SQLite (read with safeIntegers, so integers are
 * bigint): booleans 0/1 → false/true, integers exact, JSON as stored (jsonb keeps its exact numbers).
 * Throws a ValueProblem for a value the column's PostgreSQL type cannot hold.
 */
export function sqliteValueToText(kind: ColumnKind, value: unknown): string | null {
  if (value === null || value === undefined) return null;
  switch (kind) {
    case "integer":
      if (typeof value === "bigint") return value.toString();
      if (typeof value === "number" && Number.isInteger(value)) return BigInt(value).toString();
      throw new ValueProblem(`${describe(value)} is not an integer`);
    case "boolean":
      if (value === 1n || value === 1) return "true";
      if (value === 0n || value === 0) return "false";
      throw new ValueProblem(`${describe(value)} is not a boolean (0 or 1)`);
    case "real":
      if (typeof value === "number") return String(value);
      if (typeof value === "bigint") return String(Number(value));
      throw new ValueProblem(`${describe(value)} is not a number`);
    case "json":
      if (typeof value !== "string") throw new ValueProblem(`${describe(value)} is not JSON text`);
      try {
        JSON.parse(value);
      } catch {
        throw new ValueProblem(`${describe(value)} is not valid JSON`);
      }
      // jsonb rejects the escaped NUL character that JSON text may hold.
      if (/(^|[^\\])(\\\\)*\\u0000/.test(value)) throw new ValueProblem("JSON holding \\u0000, which PostgreSQL's jsonb cannot store");
      return value;
    case "text":
      if (typeof value !== "string") throw new ValueProblem(`${describe(value)} is not text`);
      if (value.includes("\u0000")) throw new ValueProblem("text holding a NUL character, which PostgreSQL cannot store");
      return value;
    case "bytes":
      if (Buffer.isBuffer(value)) return `\\x${value.toString("hex")}`;
      throw new ValueProblem(`${describe(value)} is not a blob`);
  }
}

/**
 * The form both checksums use, from the text of a value (what sqliteValueToText sent, or what
 * PostgreSQL prints for `column::text`): JSON parsed and printed with sorted keys, floating-point
 * numbers as their shortest exact decimal; integers, booleans, text and hex bytes as they are.
 */
export function canonicalText(kind: ColumnKind, text: string | null): string | null {
  if (text === null) return null;
  if (kind === "json") return canonicalJson(JSON.parse(text));
  if (kind === "real") return String(Number(text));
  return text;
}

/** JSON with object keys sorted at every level, so key order and whitespace do not count. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(",")}}`;
  }
  return JSON.stringify(value);
}

function describe(value: unknown): string {
  if (Buffer.isBuffer(value)) return `a blob of ${value.length} bytes`;
  const shown = typeof value === "string" ? JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value) : String(value);
  return `${shown} (${typeof value === "bigint" ? "integer" : typeof value})`;
}
